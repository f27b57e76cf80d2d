package org.sweep4j.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses the lower-case names of fixed choices (enums), listing the valid names when a name is
 * unknown.
 */
public final class Choices {
  private Choices() {}

  /** The name a user writes for an enum constant: {@code SMALL_CNN -> small_cnn}. */
  public static String nameOf(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds the constant whose {@link #nameOf} equals {@code text} (case-insensitive, '-' read as
   * '_').
   *
   * @param what what the value is, for the error message ("activation", "optimizer")
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
    return parse(type, what, text, Choices::nameOf);
  }

  static <E extends Enum<E>> E parse(
      Class<E> type, String what, String text, Function<E, String> namer) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (namer.apply(constant).equals(wanted)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + what + " '" + text + "' (valid: " + validNames(type, namer) + ")");
  }

  /** The valid names, comma-separated, in declaration order. */
  public static <E extends Enum<E>> String validNames(Class<E> type) {
    return validNames(type, Choices::nameOf);
  }

  private static <E extends Enum<E>> String validNames(Class<E> type, Function<E, String> namer) {
    return Arrays.stream(type.getEnumConstants()).map(namer).collect(Collectors.joining(", "));
  }
}
