package org.sweep4j.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Prints query results as an aligned text table, numbers right-aligned, with a row count. */
public final class TablePrinter {
  private TablePrinter() {}

  public static String format(Dataset<Row> result, int maxRows) {
    List<String> columns = List.of(result.columns());
    List<Row> rows = result.limit(maxRows + 1).collectAsList();
    List<List<String>> cells = new ArrayList<>();
    for (Row row : rows.subList(0, Math.min(rows.size(), maxRows))) {
      List<String> line = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        line.add(cell(row.get(i)));
      }
      cells.add(line);
    }
    String table = format(columns, cells);
    String count =
        rows.size() > maxRows
            ? "(first " + maxRows + " rows shown)"
            : "(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")";
    return table + count + System.lineSeparator();
  }

  /** The table for given header and cells (each row as long as the header). */
  public static String format(List<String> columns, List<List<String>> rows) {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    String rule = rule(widths);
    out.append(rule).append(line(columns, widths, null)).append(rule);
    for (List<String> row : rows) {
      out.append(line(row, widths, row));
    }
    return out.append(rule).toString();
  }

  private static String rule(int[] widths) {
    StringBuilder out = new StringBuilder("+");
    for (int width : widths) {
      out.append("-".repeat(width + 2)).append('+');
    }
    return out.append(System.lineSeparator()).toString();
  }

  private static String line(List<String> values, int[] widths, List<String> data) {
    StringBuilder out = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      String value = values.get(i);
      boolean right = data != null && isNumber(value);
      out.append(' ')
          .append(right ? pad(value, widths[i], true) : pad(value, widths[i], false))
          .append(" |");
    }
    return out.append(System.lineSeparator()).toString();
  }

  private static String pad(String value, int width, boolean right) {
    String spaces = " ".repeat(width - value.length());
    return right ? spaces + value : value + spaces;
  }

  private static boolean isNumber(String value) {
    return value.matches("-?[0-9][0-9.,eE+-]*|NaN|-?Infinity");
  }

  static String cell(Object value) {
    if (value == null) {
      return "null";
    }
    if (ResultFormatter.isNested(value)) {
      return ResultFormatter.nested(value);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        return Double.toString(d);
      }
      String text = String.format(Locale.ROOT, "%.6f", d);
      return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
    return String.valueOf(value);
  }
}
