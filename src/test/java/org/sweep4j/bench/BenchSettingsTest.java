package org.sweep4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;

class BenchSettingsTest {
  private static BenchSettings settings(
      int batch, int warmup, int batches, int workers, int averaging, List<String> modes) {
    return new BenchSettings(
        List.of(Architecture.parse("small_cnn")),
        ActivationSpec.parse("relu"),
        batch,
        warmup,
        batches,
        2,
        workers,
        averaging,
        null,
        modes,
        null);
  }

  @Test
  void sparkTimesWholeAveragingRoundsOfAllWorkers() {
    BenchSettings s = settings(100, 3, 11, 2, 5, BenchSettings.MODES);
    assertEquals(20, s.sparkBatches());
    assertEquals(100 * (3 + 20), s.images());
    assertEquals(10, settings(100, 0, 10, 2, 5, BenchSettings.MODES).sparkBatches());
  }

  @Test
  void sparkTrialGivesEachWorkerAFullMinibatch() {
    BenchSettings s = settings(64, 1, 4, 2, 1, BenchSettings.MODES);
    var trial = s.trial(Architecture.parse("small_cnn"), 2);
    assertEquals(64, trial.distribution().batchSizePerWorker());
    assertEquals(128, trial.training().batchSize());
    assertEquals(s.images(), trial.dataset().trainSize());
  }

  @Test
  void unknownModeListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> settings(100, 1, 1, 2, 5, List.of("single", "gpu")));
    assertTrue(
        e.getMessage().contains("'gpu'")
            && e.getMessage().contains("single, spark, trials, sweep, driver, torch"),
        e.getMessage());
  }

  @Test
  void moreImagesThanCifarHasIsRejectedNamingTheOptions() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> settings(100, 10, 500, 2, 5, List.of("single")));
    assertTrue(e.getMessage().contains("--batches 500"), e.getMessage());
  }

  @Test
  void nonPositiveSizesNameTheirOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> settings(0, 1, 1, 2, 5, List.of("single")));
    assertTrue(e.getMessage().startsWith("--batch-size"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> settings(10, -1, 1, 2, 5, List.of("single")));
    assertTrue(e.getMessage().startsWith("--warmup"), e.getMessage());
  }
}
