package org.sweep4j.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.Schema;
import org.sweep4j.results.TrialRow;

/**
 * The result tables as read-only Spark SQL views, one per table, always all four: each reads the
 * files the results store says are committed and readable (so a trial being written, or half
 * written by a killed driver, is not seen, and damaged or stray files are left out with a warning)
 * with the schema the tables declare (so files written before a column existed read it as null, and
 * an empty table is still a table). A view is a projection of those files, which Spark cannot
 * insert into.
 */
final class ResultViews {
  private static final List<Schema<?>> TABLES =
      List.of(TrialRow.SCHEMA, EpochRow.SCHEMA, LayerStatRow.SCHEMA, RunRow.SCHEMA);

  /** DataSource.GLOB_PATHS_KEY of Spark 3.5: "false" reads each path as it is. */
  private static final String NO_GLOBBING = "__globPaths__";

  private ResultViews() {}

  /** Registers every table; returns the names of those holding rows. */
  static List<String> register(SparkSession spark, ResultsStore store) {
    List<String> withFiles = new ArrayList<>();
    for (Schema<?> table : TABLES) {
      List<String> files = store.readableFiles(table.table());
      StructType type = structOf(table);
      Dataset<Row> rows =
          files.isEmpty()
              ? spark.createDataFrame(List.of(), type)
              : spark
                  .read()
                  .schema(type)
                  // Exact file names, never glob patterns: a results folder named "run [1]" holds
                  // no pattern (Spark's own option; Hadoop's globber also fails on a colon).
                  .option(NO_GLOBBING, "false")
                  .parquet(files.toArray(String[]::new));
      rows.select(columns(type)).createOrReplaceTempView(table.table());
      if (!files.isEmpty()) {
        withFiles.add(table.table());
      }
    }
    return withFiles;
  }

  private static Column[] columns(StructType type) {
    return java.util.Arrays.stream(type.fieldNames()).map(functions::col).toArray(Column[]::new);
  }

  /** The Spark schema of a table, from its declared columns. */
  static StructType structOf(Schema<?> table) {
    List<StructField> fields = new ArrayList<>();
    for (org.sweep4j.results.Column column : table.columns()) {
      fields.add(DataTypes.createStructField(column.name(), sparkType(column.type()), true));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType sparkType(org.sweep4j.results.Column.Type type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }
}
