package org.sweep4j.config;

/**
 * A job file or a job setting that cannot be used; the message names the file, the key and the bad
 * value.
 */
public class JobFileException extends InputException {
  private static final long serialVersionUID = 1L;

  public JobFileException(String message) {
    super(message);
  }

  public JobFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
