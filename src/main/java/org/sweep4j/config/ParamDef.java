package org.sweep4j.config;

import java.util.List;
import java.util.Locale;

/**
 * One parameter of an activation: a bounded number or one of a few words. Values are kept as
 * canonical strings so that they hash and print identically everywhere.
 */
public record ParamDef(
    String name, String defaultValue, double min, double max, List<String> choices) {

  public ParamDef {
    choices = List.copyOf(choices);
  }

  static ParamDef number(String name, double defaultValue, double min, double max) {
    return new ParamDef(name, canonicalNumber(defaultValue), min, max, List.of());
  }

  static ParamDef choice(String name, String defaultValue, String... choices) {
    return new ParamDef(name, defaultValue, 0, 0, List.of(choices));
  }

  public boolean isNumber() {
    return choices.isEmpty();
  }

  /**
   * Checks {@code raw} and returns its canonical form, or throws a message naming the parameter.
   */
  public String canonicalize(Object raw) {
    if (isNumber()) {
      double value;
      if (raw instanceof Number number) {
        value = number.doubleValue();
      } else {
        try {
          value = Double.parseDouble(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " must be a number, found '" + raw + "'");
        }
      }
      if (!(value >= min && value <= max)) {
        throw new IllegalArgumentException(
            name
                + " must be in ["
                + canonicalNumber(min)
                + ", "
                + canonicalNumber(max)
                + "], found "
                + raw);
      }
      return canonicalNumber(value);
    }
    String word = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
    if (!choices.contains(word)) {
      throw new IllegalArgumentException(
          name + " must be one of " + String.join(", ", choices) + ", found '" + raw + "'");
    }
    return word;
  }

  /** Shortest round-tripping decimal form: 0.2, 1, 1.0E-4. */
  public static String canonicalNumber(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
