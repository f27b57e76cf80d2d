package org.sweep4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.config.InputException;
import org.sweep4j.results.ResultsLocation;
import org.sweep4j.sql.OutputFormat;
import org.sweep4j.sql.ResultFormatter;
import org.sweep4j.sql.ResultsSql;
import org.sweep4j.sql.SqlScript;
import org.sweep4j.training.SparkSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep4j sql RESULTS "QUERY"}: Spark SQL over a results directory's tables. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Run Spark SQL over a results directory; the tables are named trials, epochs and layer_stats.")
final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS", description = "The results directory.")
  String results;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "QUERY",
      description =
          "The query, e.g. \"select activation, count(*) from trials group by activation\".")
  String query;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description =
          "Read the statements from FILE instead (separated"
              + " by ';', each result printed in turn).")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = FormatConverter.class,
      description =
          "table, csv or json (an array of row objects; NaN is written as null). Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Rows to print at most" + " per statement (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: local[<cores>]).")
  String master;

  @Override
  public Integer call() {
    if (maxRows < 0) {
      throw new InputException("--max-rows takes a whole number of 0 or more; found " + maxRows);
    }
    List<String> statements = statements();
    ResultsLocation.requireReadable(results);
    SparkSession spark = SparkSetup.session(master, "sweep4j sql", false);
    try {
      ResultsSql.register(spark, results);
      for (int i = 0; i < statements.size(); i++) {
        String source = file == null ? "query" : file + ", statement " + (i + 1);
        System.out.print(
            ResultFormatter.format(
                ResultsSql.run(spark, statements.get(i), source), format, maxRows));
        if (i + 1 < statements.size() && format == OutputFormat.TABLE) {
          System.out.println();
        }
      }
      return 0;
    } finally {
      spark.stop();
    }
  }

  private List<String> statements() {
    if ((query == null) == (file == null)) {
      throw new InputException(
          "give either a QUERY or --file FILE ("
              + (query == null ? "neither" : "both")
              + " given)");
    }
    if (query != null) {
      return List.of(query);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException("cannot read --file " + file + ": " + e, e);
    }
    List<String> statements = SqlScript.statements(text);
    if (statements.isEmpty()) {
      throw new InputException("--file " + file + " holds no SQL statement");
    }
    return statements;
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormat.parse(value);
    }
  }
}
