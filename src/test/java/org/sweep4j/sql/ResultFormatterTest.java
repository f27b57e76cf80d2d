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

  /** Before, arrays and maps came out as Scala text: "WrappedArray(1, 2)", "Map(k -> 1.5)". */
  @Test
  void nestedValuesAreJsonArraysAndObjects() {
    org.apache.spark.sql.types.StructType point =
        new org.apache.spark.sql.types.StructType()
            .add("x", org.apache.spark.sql.types.DataTypes.IntegerType)
            .add("y", org.apache.spark.sql.types.DataTypes.StringType);
    Row row =
        RowFactory.create(
            scala.collection.JavaConverters.asScalaBuffer(List.of(1, 2)),
            scala.collection.JavaConverters.mapAsScalaMap(java.util.Map.of("k", 1.5)),
            new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
                new Object[] {1, "z"}, point));
    assertEquals(
        "[{\"a\":[1,2],\"m\":{\"k\":1.5},\"s\":{\"x\":1,\"y\":\"z\"}}]" + System.lineSeparator(),
        ResultFormatter.json(List.of("a", "m", "s"), List.of(row)));
    assertEquals(
        "a,m,s\r\n\"[1,2]\",\"{\"\"k\"\":1.5}\",\"{\"\"x\"\":1,\"\"y\"\":\"\"z\"\"}\"\r\n",
        ResultFormatter.csv(List.of("a", "m", "s"), List.of(row)),
        "the table and CSV formats show the same JSON text");
  }

  @Test
  void formatNamesListTheValidOnesWhenUnknown() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> OutputFormat.parse("xml"));
    assertEquals("unknown format 'xml' (valid: table, csv, json)", e.getMessage());
  }
}
