package org.sweep4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class ResultFormatterTest {
  private static final List<String> COLUMNS = List.of("activation", "n", "acc");
  private static final List<Row> ROWS =
      List.of(
          RowFactory.create("relu", 3L, 0.7),
          RowFactory.create("a, \"quoted\" one", null, Double.NaN));

  @Test
  void csvQuotesFieldsThatNeedItAndLeavesNullsEmpty() {
    assertEquals(
        "activation,n,acc\r\nrelu,3,0.7\r\n\"a, \"\"quoted\"\" one\",,NaN\r\n",
        ResultFormatter.csv(COLUMNS, ROWS));
  }

  @Test
  void jsonIsAnArrayOfObjectsWithNaNAsNull() {
    assertEquals(
        "[{\"activation\":\"relu\",\"n\":3,\"acc\":0.7},"
            + "{\"activation\":\"a, \\\"quoted\\\" one\",\"n\":null,\"acc\":null}]"
            + System.lineSeparator(),
        ResultFormatter.json(COLUMNS, ROWS));
  }

  @Test
  void formatNamesListTheValidOnesWhenUnknown() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> OutputFormat.parse("xml"));
    assertEquals("unknown format 'xml' (valid: table, csv, json)", e.getMessage());
  }
}
