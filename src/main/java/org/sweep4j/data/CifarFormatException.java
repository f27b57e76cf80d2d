package org.sweep4j.data;

import org.sweep4j.config.InputException;

/**
 * A data file that is not CIFAR-10 in the official binary layout; the message names the file and
 * the fault.
 */
public class CifarFormatException extends InputException {
  private static final long serialVersionUID = 1L;

  public CifarFormatException(String message) {
    super(message);
  }

  public CifarFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
