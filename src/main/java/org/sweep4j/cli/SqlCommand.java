package org.sweep4j.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.sql.ResultsSql;
import org.sweep4j.sql.TablePrinter;
import org.sweep4j.training.SparkSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep4j sql RESULTS "QUERY"}: Spark SQL over the tables {@code trials} and {@code epochs}. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run a Spark SQL query over a results directory; the tables are named trials and epochs.")
final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS", description = "The results directory.")
  String results;

  @Parameters(index = "1", paramLabel = "QUERY",
      description = "The query, e.g. \"select activation, count(*) from trials group by activation\".")
  String query;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000", description = "Rows to print at most"
      + " (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[<cores>]).")
  String master;

  @Override
  public Integer call() {
    SparkSession spark = SparkSetup.session(master, "sweep4j sql", false);
    try {
      System.out.print(TablePrinter.format(ResultsSql.query(spark, results, query), maxRows));
      return 0;
    } finally {
      spark.stop();
    }
  }
}
