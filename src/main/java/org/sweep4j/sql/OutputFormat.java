package org.sweep4j.sql;

import org.sweep4j.config.Choices;

/**
 * How {@code sweep4j sql} prints a result: an aligned text table, RFC 4180 CSV, or a JSON array of
 * objects.
 */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  public String label() {
    return Choices.nameOf(this);
  }

  public static OutputFormat parse(String text) {
    return Choices.parse(OutputFormat.class, "format", text);
  }
}
