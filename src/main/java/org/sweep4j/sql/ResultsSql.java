package org.sweep4j.sql;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.config.InputException;
import org.sweep4j.results.ResultsStore;

/**
 * Spark SQL over a results directory: its tables as views named {@code trials}, {@code epochs},
 * {@code layer_stats} and {@code runs}, and statements that only read them.
 */
public final class ResultsSql {
  private ResultsSql() {}

  /**
   * Registers the four tables as read-only views of what is committed ({@link ResultViews}) and
   * returns the names of those holding rows; fails when none does.
   */
  public static List<String> register(SparkSession spark, String results) {
    ResultsStore store = ResultsStore.open(results);
    List<String> registered = ResultViews.register(spark, store);
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
   * Runs one statement over tables already registered; a statement that would write or change a
   * catalog is refused ({@link ReadOnlyStatements}), and one Spark cannot parse or resolve fails
   * with {@code source} (the file and statement number, say) and Spark's own message.
   */
  public static Dataset<Row> run(SparkSession spark, String sql, String source) {
    try {
      ReadOnlyStatements.require(spark, sql, source);
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
