package org.sweep4j.config;

/**
 * An input a user can fix (a job file, an option, a data file, a results directory) that cannot be
 * used; the message names it and says what is wrong. The command line prints the message alone and
 * exits with code 2. Anything else that escapes a command is a bug and shows its stack trace.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
