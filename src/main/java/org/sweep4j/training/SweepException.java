package org.sweep4j.training;

import org.sweep4j.config.InputException;

/** A sweep that cannot start or go on as asked; the message says why and what to do. */
public class SweepException extends InputException {
  private static final long serialVersionUID = 1L;

  public SweepException(String message) {
    super(message);
  }

  public SweepException(String message, Throwable cause) {
    super(message, cause);
  }
}
