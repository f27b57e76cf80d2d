package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
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
import org.sweep4j.results.Provenance;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/** A trial's row from its outcome: best epoch by val accuracy among finite ones, final accuracy. */
class TrialRowsTest {
  private static final TrialSpec TRIAL =
      new TrialSpec(
          "s",
          ActivationSpec.of(ActivationName.SELU),
          Architecture.parse("small_cnn"),
          4,
          new DatasetSpec(DataSource.SYNTHETIC, null, 32, 32),
          new TrainingSpec(3, 16, Optimizer.ADAM, 1e-3, 0),
          new DistributionSpec(1, 1, 16));

  private static EpochRow epoch(int n, double valLoss, double valAccuracy) {
    return new EpochRow(TRIAL.id(), n, 1, 0.5, valLoss, valAccuracy, 1, 32);
  }

  @Test
  void theBestEpochIsTheMostAccurateWithAFiniteLoss() {
    TrialOutcome outcome =
        new TrialOutcome(
            TrialStatus.FINISHED,
            null,
            List.of(epoch(1, 2.0, 0.3), epoch(2, 1.5, 0.45), epoch(3, 1.6, 0.4)),
            List.of(),
            42_442,
            1.6,
            0.4,
            "cpu",
            3);
    TrialRow row =
        TrialRows.of(TRIAL, outcome, "d", Instant.EPOCH, new Provenance("v", "v", "v", "b", "m"));
    assertEquals(0.4, row.outcome().finalValAccuracy());
    assertEquals(0.45, row.outcome().bestValAccuracy());
    assertEquals(2, row.outcome().bestEpoch());
    assertEquals("selu", row.settings().activation());
    assertEquals(4, row.settings().seed());
    assertEquals("epochs", row.outcome().stopReason());
  }

  /** Would have failed before: "final" was always the last epoch run, restored weights or not. */
  @Test
  void theFinalAccuracyIsTheOneOfTheWeightsTheTrialEndedWith() {
    TrialOutcome restored =
        new TrialOutcome(
            TrialStatus.FINISHED,
            null,
            List.of(epoch(1, 2.0, 0.3), epoch(2, 1.5, 0.45), epoch(3, 1.6, 0.4)),
            List.of(),
            42_442,
            1.5,
            0.45,
            "cpu",
            2);
    TrialRow row =
        TrialRows.of(TRIAL, restored, "d", Instant.EPOCH, new Provenance("v", "v", "v", "b", "m"));
    assertEquals(0.45, row.outcome().finalValAccuracy(), "epoch 2's weights were kept");
    assertEquals(2, row.outcome().finalEpoch());
    assertTrue(row.outcome().restoredBest());
  }

  @Test
  void aDivergedTrialHasNoBestEpoch() {
    TrialOutcome outcome =
        new TrialOutcome(
            TrialStatus.DIVERGED,
            "loss became NaN in epoch 1",
            List.of(epoch(1, Double.NaN, 0.1)),
            List.of(),
            42_442,
            null,
            null,
            null,
            1);
    TrialRow row =
        TrialRows.of(TRIAL, outcome, "d", Instant.EPOCH, new Provenance("v", "v", "v", "b", "m"));
    assertNull(row.outcome().bestEpoch());
    assertEquals("diverged", row.outcome().stopReason());
  }
}
