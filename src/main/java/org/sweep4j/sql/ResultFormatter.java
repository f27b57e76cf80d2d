package org.sweep4j.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sweep4j.report.Csv;

/** Renders a query result in an {@link OutputFormat}, at most {@code maxRows} rows. */
public final class ResultFormatter {
  private ResultFormatter() {}

  public static String format(Dataset<Row> result, OutputFormat format, int maxRows) {
    if (result.columns().length == 0 && format != OutputFormat.JSON) {
      // DDL such as CREATE TABLE or CREATE VIEW returns no columns: an empty table border says
      // nothing.
      return format == OutputFormat.TABLE ? "OK" + System.lineSeparator() : "";
    }
    return switch (format) {
      case TABLE -> TablePrinter.format(result, maxRows);
      case CSV -> csv(List.of(result.columns()), result.limit(maxRows).collectAsList());
      case JSON -> json(List.of(result.columns()), result.limit(maxRows).collectAsList());
    };
  }

  /**
   * Header line, then a line per row; nulls are empty fields, fields with , " or line breaks are
   * quoted.
   */
  static String csv(List<String> columns, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", columns.stream().map(Csv::field).toList())).append("\r\n");
    for (Row row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        out.append(i == 0 ? "" : ",")
            .append(row.isNullAt(i) ? "" : Csv.field(TablePrinter.cell(row.get(i))));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  /**
   * A JSON array with an object per row, keys in column order. JSON has no NaN or infinity: such
   * values are written as null, as are SQL nulls. Arrays are JSON arrays, maps and structs JSON
   * objects.
   */
  static String json(List<String> columns, List<Row> rows) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.writeStartArray();
      for (Row row : rows) {
        json.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
          json.writeFieldName(columns.get(i));
          writeValue(json, row.isNullAt(i) ? null : row.get(i));
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + System.lineSeparator();
  }

  /** A nested value (array, map, struct) as JSON text, for the table and CSV formats too. */
  static String nested(Object value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      writeValue(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static boolean isNested(Object value) {
    return value instanceof Row
        || value instanceof scala.collection.Map<?, ?>
        || value instanceof scala.collection.Seq<?>;
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        json.writeNumber(d);
      } else {
        json.writeNull();
      }
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Row struct) {
      json.writeStartObject();
      for (int i = 0; i < struct.length(); i++) {
        json.writeFieldName(
            struct.schema() == null ? "_" + (i + 1) : struct.schema().fieldNames()[i]);
        writeValue(json, struct.isNullAt(i) ? null : struct.get(i));
      }
      json.writeEndObject();
    } else if (value instanceof scala.collection.Map<?, ?> map) {
      json.writeStartObject();
      scala.collection.Iterator<? extends scala.Tuple2<?, ?>> entries = map.iterator();
      while (entries.hasNext()) {
        scala.Tuple2<?, ?> entry = entries.next();
        json.writeFieldName(String.valueOf(entry._1()));
        writeValue(json, entry._2());
      }
      json.writeEndObject();
    } else if (value instanceof scala.collection.Seq<?> array) {
      json.writeStartArray();
      scala.collection.Iterator<?> items = array.iterator();
      while (items.hasNext()) {
        writeValue(json, items.next());
      }
      json.writeEndArray();
    } else {
      json.writeString(String.valueOf(value));
    }
  }
}
