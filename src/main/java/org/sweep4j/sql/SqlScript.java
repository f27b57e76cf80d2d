package org.sweep4j.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons that are outside quotes, back-quoted identifiers
 * and comments, the way the {@code spark-sql -f} shell reads a file. Blank statements (and
 * comment-only ones) are dropped.
 */
public final class SqlScript {
  private SqlScript() {}

  public static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean meaningful = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        current.append(text, i, end);
        i = end;
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        current.append(text, i, end);
        i = end;
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = closingQuote(text, i);
        current.append(text, i, end);
        meaningful = true;
        i = end;
      } else if (c == ';') {
        if (meaningful) {
          statements.add(current.toString().trim());
        }
        current.setLength(0);
        meaningful = false;
        i++;
      } else {
        meaningful |= !Character.isWhitespace(c);
        current.append(c);
        i++;
      }
    }
    if (meaningful) {
      statements.add(current.toString().trim());
    }
    return statements;
  }

  /**
   * The index just past the quote that closes the one at {@code start}; a backslash escapes the
   * next char.
   */
  private static int closingQuote(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return text.length();
  }
}
