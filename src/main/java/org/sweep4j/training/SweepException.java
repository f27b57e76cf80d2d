package org.sweep4j.training;

/** A sweep that cannot start or go on as asked; the message says why and what to do. */
public class SweepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SweepException(String message) {
    super(message);
  }

  public SweepException(String message, Throwable cause) {
    super(message, cause);
  }
}
