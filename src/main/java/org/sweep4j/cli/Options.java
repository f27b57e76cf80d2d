package org.sweep4j.cli;

import java.util.function.Supplier;
import org.sweep4j.config.InputException;

/**
 * Option values a user gave: a value the domain types refuse (they throw {@link
 * IllegalArgumentException}) is an input error, not a bug.
 */
final class Options {
  private Options() {}

  /** Parses one option's value; the message names the option. */
  static <T> T parse(String option, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new InputException(option + ": " + e.getMessage(), e);
    }
  }

  /** Builds settings from options whose messages already name them. */
  static <T> T check(Supplier<T> settings) {
    try {
      return settings.get();
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
  }
}
