package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
import org.sweep4j.results.TrialStatus;

/** What a run trains, given what the results directory already records. */
class TrialSelectionTest {
  private static TrialSpec trial(long seed) {
    return new TrialSpec(
        "s",
        ActivationSpec.of(ActivationName.RELU),
        Architecture.parse("small_cnn"),
        seed,
        new DatasetSpec(DataSource.SYNTHETIC, null, 32, 32),
        new TrainingSpec(1, 16, Optimizer.ADAM, 1e-3, 0),
        new DistributionSpec(1, 1, 16));
  }

  private final List<TrialSpec> trials = List.of(trial(1), trial(2), trial(3));

  @Test
  void aFreshDirectoryRunsEveryTrial() {
    assertEquals(trials, TrialSelection.select(trials, Map.of(), false, "r"));
  }

  @Test
  void resumeSkipsSettledTrialsAndRerunsFailedOnes() {
    Map<String, TrialStatus> recorded =
        Map.of(
            trials.get(0).id(), TrialStatus.FINISHED,
            trials.get(1).id(), TrialStatus.FAILED,
            trials.get(2).id(), TrialStatus.DIVERGED);
    assertEquals(List.of(trials.get(1)), TrialSelection.select(trials, recorded, true, "r"));
  }

  @Test
  void withoutResumeARecordedTrialStopsTheRunAndSaysHowToGoOn() {
    SweepException e =
        assertThrows(
            SweepException.class,
            () ->
                TrialSelection.select(
                    trials, Map.of(trials.get(2).id(), TrialStatus.FAILED), false, "file:/r"));
    assertTrue(
        e.getMessage().startsWith("file:/r already holds 1 of this sweep's 3 trials")
            && e.getMessage().contains("--resume"),
        e.getMessage());
  }
}
