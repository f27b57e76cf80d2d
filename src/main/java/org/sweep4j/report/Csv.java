package org.sweep4j.report;

/**
 * RFC 4180 fields: quoted when they hold a comma, a quote or a line break, quotes doubled inside.
 */
public final class Csv {
  private Csv() {}

  public static String field(String value) {
    boolean quote =
        value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
