package org.sweep4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialRowBuilder;
import org.sweep4j.results.TrialStatus;
import org.sweep4j.sql.ResultsSql;
import org.sweep4j.training.SparkTestBase;

/**
 * A driver killed at every step of recording a trial that replaces an earlier attempt: the tables
 * show the earlier attempt whole until the new trials file lands, and the new one whole from then
 * on, to the store's readers and to {@code sql} alike; a resume then leaves no stray file. Before,
 * files were replaced by deleting the old one first, so a kill in that window left epochs and
 * layer_stats rows without their trial row (or none of the earlier attempt), and hidden temporary
 * files were never removed.
 */
class WriteKillsTest extends SparkTestBase {
  private static final Duration FINISH = Duration.ofMinutes(4);
  private static final int EPOCHS = 2;

  @TempDir static Path shared;
  private static Path job;
  private static Path earlier;

  @TempDir Path dir;

  /** One finished run, then its trial recorded again as a failed attempt with one epoch. */
  @BeforeAll
  static void recordAFailedAttempt() throws Exception {
    job = shared.resolve("job.yaml");
    Files.writeString(
        job,
        """
        sweep: kills
        description: a kill at every step of a trial's write
        dataset: {source: synthetic, train_size: 64, test_size: 32}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1]}
        training: {epochs: %d, batch_size: 32, probe_size: 16}
        distribution: {workers: 1, averaging_frequency: 2}
        """
            .formatted(EPOCHS));
    earlier = shared.resolve("results");
    DriverProcess seed = driver(shared.resolve("seed.log"), earlier, List.of());
    assertEquals(0, seed.finish(FINISH), seed.output());

    ResultsStore store = ResultsStore.open(earlier.toString());
    TrialRow failed =
        TrialRowBuilder.failedCopy(store.readTrials().get(0), "an earlier attempt", 1);
    store.record(
        failed,
        store.readEpochs().stream().filter(e -> e.epoch() == 1).toList(),
        store.readLayerStats().stream().filter(s -> s.epoch() <= 1).toList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "temporary-layer_stats",
        "layer_stats",
        "temporary-epochs",
        "epochs",
        "temporary-trials",
        "trials",
        "old-layer_stats",
        "old-epochs",
        "old-trials"
      })
  void aKillAtAnyStepOfTheWriteShowsOneWholeAttempt(String step) throws Exception {
    Path results = dir.resolve("results");
    copy(earlier, results);
    DriverProcess killed =
        driver(dir.resolve("killed.log"), results, List.of("-Dsweep4j.faults.halt-after=" + step));
    assertEquals(137, killed.finish(FINISH), "halted at " + step + ":\n" + killed.output());

    boolean committed =
        List.of("trials", "old-layer_stats", "old-epochs", "old-trials").contains(step);
    ResultsStore store = ResultsStore.open(results.toString());
    assertWhole(store, results, committed ? TrialStatus.FINISHED : TrialStatus.FAILED);
    assertEquals(List.of(), store.skipped());

    DriverProcess resumed = driver(dir.resolve("resumed.log"), results, List.of());
    assertEquals(0, resumed.finish(FINISH), resumed.output());
    ResultsStore after = ResultsStore.open(results.toString());
    assertWhole(after, results, TrialStatus.FINISHED);
    for (String table : List.of("trials", "epochs", "layer_stats")) {
      try (Stream<Path> files = Files.list(results.resolve(table))) {
        assertEquals(1, files.count(), table + ": one file, no leftover, after a kill at " + step);
      }
    }
    assertFalse(
        Files.exists(results.resolve("_shards")), "the killed run's shards are removed too");
  }

  /** The trial's rows are those of one attempt: failed with 1 epoch, or finished with all. */
  private void assertWhole(ResultsStore store, Path results, TrialStatus status) {
    int epochs = status == TrialStatus.FINISHED ? EPOCHS : 1;
    List<TrialRow> trials = store.readTrials();
    assertEquals(1, trials.size());
    assertEquals(status, trials.get(0).outcome().status());
    assertEquals(epochs, trials.get(0).outcome().epochsCompleted());
    assertEquals(
        List.of(1, 2).subList(0, epochs),
        store.readEpochs().stream().map(EpochRow::epoch).sorted().toList());
    assertEquals(
        epochs,
        store.readLayerStats().stream().map(LayerStatRow::epoch).distinct().count(),
        "layer_stats of the same attempt");

    ResultsSql.register(spark, results.toString());
    List<Row> sqlTrials = spark.sql("select status, epochs_completed from trials").collectAsList();
    assertEquals(1, sqlTrials.size());
    assertEquals(status.label(), sqlTrials.get(0).getString(0));
    assertEquals(
        (long) epochs, spark.sql("select * from epochs").count(), "sql sees the same epochs");
    assertEquals(
        (long) epochs,
        spark.sql("select distinct epoch from layer_stats").count(),
        "and the same layer_stats");
  }

  private static DriverProcess driver(Path log, Path results, List<String> jvmOptions)
      throws IOException {
    return DriverProcess.start(
        log,
        jvmOptions,
        job.toString(),
        "--results",
        results.toString(),
        "--master",
        "local[1]",
        "--no-report",
        "--resume");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
