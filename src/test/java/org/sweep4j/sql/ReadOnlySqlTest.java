package org.sweep4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweep4j.config.InputException;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRowBuilder;
import org.sweep4j.training.SparkTestBase;

/**
 * {@code sql} cannot change results. Before, {@code insert overwrite table epochs values (...)}
 * printed OK and deleted every epochs file, {@code insert into trials select * from trials}
 * duplicated the trials, and {@code insert overwrite directory} or {@code create table … location}
 * wrote anywhere.
 */
class ReadOnlySqlTest extends SparkTestBase {
  @TempDir Path dir;
  private Path results;

  @BeforeEach
  void recordTwoTrials() {
    results = dir.resolve("results");
    ResultsStore store = ResultsStore.open(results.toString());
    for (String id : List.of("a", "b")) {
      store.record(
          TrialRowBuilder.trial(id).build(),
          List.of(
              new EpochRow(id, 1, 1.0, 0.4, 1.1, 0.35, 2.0, 100),
              new EpochRow(id, 2, 0.8, 0.5, 1.0, 0.45, 2.0, 100)));
    }
    ResultsSql.register(spark, results.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "insert overwrite table epochs values ('x', 1, 0.1, 0.5, 0.1, 0.5, 1.0, 10.0)",
        "insert into trials select * from trials",
        "insert overwrite directory '%s/out' using parquet select * from trials",
        "insert overwrite local directory '%s/out' select * from trials",
        "create table copied using parquet location '%s/out' as select * from trials",
        "create table linked using parquet location '%s/out'",
        "drop view trials",
        "cache table trials",
        "add jar %s/evil.jar"
      })
  void statementsThatWriteOrChangeACatalogAreRefusedAndNothingChanges(String statement)
      throws IOException {
    Map<String, Long> before = files(results);
    String sql = statement.replace("%s", dir.toString());
    InputException refused =
        assertThrows(InputException.class, () -> ResultsSql.run(spark, sql, "query"));
    assertTrue(
        refused.getMessage().startsWith("query: sql only reads results"), refused.getMessage());
    assertEquals(before, files(results), "the results files are untouched");
    assertFalse(Files.exists(dir.resolve("out")), "nothing written elsewhere");
    assertEquals(2, ResultsSql.run(spark, "select * from trials", "query").count());
    assertEquals(4, ResultsSql.run(spark, "select * from epochs", "query").count());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select activation, count(*) from trials group by activation",
        "with e as (select * from epochs) select max(epoch) from e",
        "show tables",
        "describe trials",
        "explain select * from epochs",
        "set spark.sql.shuffle.partitions=2"
      })
  void queriesAndStatementsThatOnlyShowRun(String sql) {
    assertTrue(ResultsSql.run(spark, sql, "query").count() >= 1, sql);
  }

  /** Even a statement that got past the check could not write through the views. */
  @Test
  void theViewsAreReadOnlyToSparkItself() throws IOException {
    Map<String, Long> before = files(results);
    assertThrows(Exception.class, () -> spark.sql("insert into trials select * from trials"));
    assertThrows(
        Exception.class,
        () -> spark.sql("insert overwrite table epochs select * from epochs where epoch = 1"));
    assertEquals(before, files(results));
  }

  /** Every file under {@code root} with its size. */
  private static Map<String, Long> files(Path root) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.size(file));
      }
    }
    return files;
  }
}
