package org.sweep4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRowBuilder;

/**
 * {@code report} and {@code sql} over a results folder with a truncated trials file and a stray
 * {@code notes.txt}: the damaged file is skipped and the rest used. Before, the truncated file
 * stopped {@code report} with a stack trace, {@code sql} printed 247 lines of Spark trace, and the
 * stray file broke {@code sql}.
 */
class DamagedResultsTest {
  @TempDir Path dir;

  @Test
  void reportAndSqlSkipADamagedFileAndUseTheRest() throws Exception {
    Path results = dir.resolve("results");
    ResultsStore store = ResultsStore.open(results.toString());
    for (String id : List.of("a", "b", "c")) {
      store.record(
          TrialRowBuilder.trial(id).seed(id.charAt(0)).build(),
          List.of(
              new EpochRow(id, 1, 1.0, 0.4, 1.1, 0.35, 2.0, 100),
              new EpochRow(id, 2, 0.8, 0.5, 1.0, 0.45, 2.0, 100)));
    }
    Path b = results.resolve("trials/b.parquet");
    byte[] whole = Files.readAllBytes(b);
    Files.write(b, Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(results.resolve("trials/notes.txt"), "my notes");

    CliRun sql =
        CliRun.execute(
            "sql",
            results.toString(),
            "select count(*) as trials, (select count(*) from epochs) as epochs from trials",
            "--format",
            "csv",
            "--master",
            "local[1]");
    assertEquals(0, sql.code(), sql.err());
    assertEquals("trials,epochs\n2,4\n", sql.out().replace("\r\n", "\n"));

    CliRun report =
        CliRun.execute("report", results.toString(), "--out", dir.resolve("report").toString());
    assertEquals(0, report.code(), report.err());
    assertTrue(Files.exists(dir.resolve("report/report.md")), report.out());
    assertTrue(Files.exists(b), "a file that cannot be read is left for the user to look at");
  }
}
