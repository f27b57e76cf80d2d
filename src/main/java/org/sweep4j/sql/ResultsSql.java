package org.sweep4j.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.results.ResultsStore;

/** Registers a results directory's tables as Spark SQL views named {@code trials} and {@code epochs}. */
public final class ResultsSql {
  private ResultsSql() {}

  /** Registers the tables present and returns their names; fails when there are none. */
  public static List<String> register(SparkSession spark, String results) {
    ResultsStore store = ResultsStore.open(results);
    List<String> registered = new ArrayList<>();
    for (String table : List.of(ResultsStore.TRIALS, ResultsStore.EPOCHS)) {
      if (store.hasTable(table)) {
        spark.read().parquet(store.tableLocation(table)).createOrReplaceTempView(table);
        registered.add(table);
      }
    }
    if (registered.isEmpty()) {
      throw new IllegalArgumentException(store.location() + ": no result tables here (expected trials/ and epochs/"
          + " written by 'sweep4j run')");
    }
    return registered;
  }

  public static Dataset<Row> query(SparkSession spark, String results, String sql) {
    register(spark, results);
    return spark.sql(sql);
  }
}
