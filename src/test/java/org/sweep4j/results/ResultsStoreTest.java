package org.sweep4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
  @TempDir Path dir;

  static TrialRow trial(String id, TrialStatus status, int completed, Double finalAccuracy) {
    return TrialRowBuilder.trial(id)
        .workers(2)
        .status(status)
        .error(status == TrialStatus.FAILED ? "boom" : null)
        .times(Instant.parse("2026-01-02T03:04:05.123456Z"), Instant.parse("2026-01-02T03:05:00Z"))
        .completed(completed)
        .accuracies(finalAccuracy, finalAccuracy, finalAccuracy == null ? null : completed)
        .test(finalAccuracy == null ? null : 1.5, finalAccuracy)
        .build();
  }

  static List<EpochRow> epochs(String id, int count) {
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(
            e -> new EpochRow(id, e, 2.0 / e, 0.3 + 0.1 * e, 2.1 / e, 0.25 + 0.1 * e, 3.5, 512.0))
        .toList();
  }

  @Test
  void recordsRoundTripThroughParquet() {
    ResultsStore store = ResultsStore.open(dir.toString());
    TrialRow finished = trial("a", TrialStatus.FINISHED, 2, 0.45);
    TrialRow failed = trial("b", TrialStatus.FAILED, 0, null);
    store.record(finished, epochs("a", 2));
    store.record(failed, List.of());
    assertEquals(List.of(finished, failed), store.readTrials());
    assertEquals(epochs("a", 2), store.readEpochs());
    assertNull(store.readTrials().get(1).outcome().finalValAccuracy());
    assertEquals(TrialStatus.FAILED, store.statuses().get("b"));
  }

  @Test
  void layerStatsRoundTripAndAreReplacedWithTheirTrial() {
    ResultsStore store = ResultsStore.open(dir.toString());
    List<LayerStatRow> stats =
        List.of(
            new LayerStatRow("a", 1, "conv1", LayerMeasure.DEAD_FRACTION, 0.25),
            new LayerStatRow("a", 1, "output", LayerMeasure.GRADIENT_L2, Double.NaN));
    store.record(trial("a", TrialStatus.FINISHED, 2, 0.45), epochs("a", 2), stats);
    assertEquals(stats, store.readLayerStats());
    store.record(trial("a", TrialStatus.FAILED, 0, null), List.of());
    assertEquals(List.of(), store.readLayerStats(), "a rerun's rows replace the earlier attempt's");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LayerStatRow("a", 1, "conv1", LayerMeasure.DEAD_FRACTION, 1.5));
    assertEquals("dead_fraction must be in [0, 1], found 1.5", e.getMessage());
  }

  @Test
  void trialsFilesFromBeforeTheTestColumnsStillRead() throws IOException {
    TrialRow current = trial("a", TrialStatus.FINISHED, 2, 0.45);
    Files.createDirectories(dir.resolve("trials"));
    ParquetFiles.write(
        new org.apache.hadoop.fs.Path(dir.resolve("trials/a.parquet").toString()),
        new org.apache.hadoop.conf.Configuration(),
        TrialRow.SCHEMA.original(),
        List.of(current));
    TrialRow read = ResultsStore.open(dir.toString()).readTrials().get(0);
    assertNull(read.settings().validation());
    assertEquals("none", read.settings().augmentation(), "older trials were not augmented");
    assertNull(read.outcome().testAccuracy());
    assertEquals(current.outcome().finalValAccuracy(), read.outcome().finalValAccuracy());
  }

  @Test
  void recordingATrialAgainReplacesItsRows() {
    ResultsStore store = ResultsStore.open(dir.toString());
    store.record(trial("a", TrialStatus.FAILED, 0, null), List.of());
    store.record(trial("a", TrialStatus.FINISHED, 2, 0.45), epochs("a", 2));
    assertEquals(1, store.readTrials().size());
    assertEquals(TrialStatus.FINISHED, store.readTrials().get(0).outcome().status());
    assertEquals(2, store.readEpochs().size());
  }

  @Test
  void leftoverTemporaryFilesAreInvisible() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString());
    store.record(trial("a", TrialStatus.FINISHED, 2, 0.45), epochs("a", 2));
    Files.write(dir.resolve("trials/.z.parquet.1234.tmp"), new byte[] {1, 2, 3});
    assertEquals(1, store.readTrials().size());
  }

  /** Before, one damaged file stopped every reader with a stack trace. */
  @Test
  void damagedAndStrayFilesAreNamedAndSkipped() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString());
    store.record(trial("a", TrialStatus.FINISHED, 2, 0.45), epochs("a", 2));
    store.record(trial("b", TrialStatus.FINISHED, 2, 0.5), epochs("b", 2));
    byte[] whole = Files.readAllBytes(dir.resolve("trials/b.parquet"));
    Files.write(dir.resolve("trials/b.parquet"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(dir.resolve("trials/notes.txt"), "my notes");
    Files.write(dir.resolve("epochs/x.parquet"), new byte[] {1, 2, 3});

    assertEquals(List.of("a"), store.readTrials().stream().map(TrialRow::trialId).toList());
    assertEquals(epochs("a", 2), store.readEpochs(), "b is not committed: its epochs are hidden");
    assertEquals(
        List.of(dir.resolve("trials/a.parquet").toUri().toString().replace("file:///", "file:/")),
        store.readableFiles(ResultsStore.TRIALS));
    assertEquals(1, store.skipped().size(), store.skipped().toString());
    assertTrue(
        store.skipped().get(0).startsWith("file:" + dir.resolve("trials/b.parquet") + ": skipped"),
        store.skipped().toString());
    assertEquals(1, store.removeLeftovers(id -> false), "x's epochs, never committed");
    assertTrue(
        Files.exists(dir.resolve("epochs/b.parquet")),
        "b's trials file is damaged, not absent: its other files are kept");
  }

  /**
   * A write stopped before its trials file leaves files of an attempt that is never committed:
   * invisible, and removed unless a live driver holds the trial.
   */
  @Test
  void uncommittedAttemptsAreHiddenAndRemovedWhenNoDriverHoldsThem() throws IOException {
    ResultsStore store = ResultsStore.open(dir.toString());
    store.record(trial("a", TrialStatus.FAILED, 0, null), epochs("a", 1).subList(0, 0));
    ParquetFiles.write(
        new org.apache.hadoop.fs.Path(dir.resolve("epochs/a.1.parquet").toString()),
        new org.apache.hadoop.conf.Configuration(),
        EpochRow.SCHEMA,
        epochs("a", 2));
    Files.write(dir.resolve("epochs/.a.2.parquet.5678.tmp"), new byte[] {1});
    assertEquals(List.of(), store.readEpochs(), "attempt 1 never got its trials file");
    assertEquals(0, store.removeLeftovers(id -> true), "a live driver may still be writing it");
    assertEquals(2, store.removeLeftovers(id -> false));
    try (var files = Files.list(dir.resolve("epochs"))) {
      assertEquals(List.of("a.parquet"), files.map(f -> f.getFileName().toString()).toList());
    }
    store.record(trial("a", TrialStatus.FINISHED, 2, 0.45), epochs("a", 2));
    assertTrue(Files.exists(dir.resolve("trials/a.1.parquet")), "a new name for a new attempt");
    assertFalse(Files.exists(dir.resolve("trials/a.parquet")), "the superseded attempt is gone");
    assertEquals(epochs("a", 2), store.readEpochs());
  }

  @Test
  void rowsAreValidated() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new EpochRow("a", 1, 1, 1.5, 1, 0.5, 1, 1));
    assertEquals("train_accuracy must be in [0, 1], found 1.5", e.getMessage());
    IllegalArgumentException partial =
        assertThrows(
            IllegalArgumentException.class, () -> trial("a", TrialStatus.FINISHED, 1, 0.4));
    assertEquals(
        "trial a is finished but completed 1 of 2 epochs without stopping early",
        partial.getMessage());
  }
}
