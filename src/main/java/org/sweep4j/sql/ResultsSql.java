package org.sweep4j.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.config.InputException;
import org.sweep4j.results.ResultsStore;

/**
 * Registers a results directory's tables as Spark SQL views named {@code trials}, {@code epochs},
 * {@code layer_stats} and {@code runs}.
 */
public final class ResultsSql {
  private ResultsSql() {}

  /** Registers the tables present and returns their names; fails when there are none. */
  public static List<String> register(SparkSession spark, String results) {
    ResultsStore store = ResultsStore.open(results);
    List<String> registered = new ArrayList<>();
    for (String table :
        List.of(
            ResultsStore.TRIALS,
            ResultsStore.EPOCHS,
            ResultsStore.LAYER_STATS,
            ResultsStore.RUNS)) {
      if (store.hasTable(table)) {
        // Files written by older versions lack later columns: merge the schemas so those read as
        // null.
        spark
            .read()
            .option("mergeSchema", "true")
            .parquet(store.tableLocation(table))
            .createOrReplaceTempView(table);
        registered.add(table);
      }
    }
    if (registered.isEmpty()) {
      throw new InputException(
          store.location()
              + ": no result tables here (expected trials/ and epochs/"
              + " written by 'sweep4j run')");
    }
    return registered;
  }

  public static Dataset<Row> query(SparkSession spark, String results, String sql) {
    register(spark, results);
    return spark.sql(sql);
  }

  /**
   * Runs one statement over tables already registered; a statement Spark cannot parse or resolve
   * fails with {@code source} (the file and statement number, say) and Spark's own message.
   */
  public static Dataset<Row> run(SparkSession spark, String sql, String source) {
    try {
      return spark.sql(sql);
    } catch (Exception e) {
      // AnalysisException (ParseException included) is checked in Java's eyes but thrown undeclared
      // from Scala.
      if (e instanceof org.apache.spark.sql.AnalysisException analysis) {
        // The simple message leaves out the logical plan, which means nothing to someone who wrote
        // a query.
        throw new InputException(source + ": " + analysis.getSimpleMessage(), e);
      }
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
  }
}
