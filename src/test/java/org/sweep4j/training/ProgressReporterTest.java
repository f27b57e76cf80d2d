package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.Optimizer;
import org.sweep4j.config.TrainingSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;

/** The ETA counts only what this run trains: work skipped or already done elsewhere is no rate. */
class ProgressReporterTest {
  private static final TrialSpec TRIAL =
      new TrialSpec(
          "s",
          ActivationSpec.of(ActivationName.RELU),
          Architecture.parse("small_cnn"),
          1,
          new DatasetSpec(DataSource.SYNTHETIC, null, 100, 20),
          new TrainingSpec(20, 10, Optimizer.ADAM, 1e-3, 0),
          new DistributionSpec(1, 1, 10));

  private final AtomicLong clock = new AtomicLong();
  private final ProgressReporter progress =
      new ProgressReporter(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          2 * TRIAL.trainingImages(),
          clock::get);

  /**
   * Two 20-epoch trials, one resumed after 16 epochs: after one epoch in 10 s, 23 epochs are left
   * at 10 s each. Counting the 16 resumed epochs as done at the run's rate said 14 s (a resumed
   * deep study showed "ETA 6m49s" with 32 minutes to go).
   */
  @Test
  void resumedEpochsAreNeitherLeftNorCountedInTheRate() {
    progress.skipImages(16L * TRIAL.dataset().trainSize());
    clock.set(10_000_000_000L);
    progress.onEpoch(TRIAL, new EpochRow(TRIAL.id(), 17, 1, 0.5, 1, 0.5, 10, 10));
    assertEquals(230, progress.etaSeconds());
  }

  @Test
  void nothingKnownBeforeTheFirstEpochAndNothingLeftAtTheEnd() {
    progress.skipImages(TRIAL.trainingImages());
    assertEquals(-1, progress.etaSeconds());
    clock.set(5_000_000_000L);
    for (int e = 1; e <= 20; e++) {
      progress.onEpoch(TRIAL, new EpochRow(TRIAL.id(), e, 1, 0.5, 1, 0.5, 1, 100));
    }
    assertEquals(0, progress.etaSeconds());
  }
}
