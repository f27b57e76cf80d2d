package org.sweep4j.training;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.TrainingSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.Provenance;
import org.sweep4j.results.TrialRow;

/** The {@code trials} row of a trial that ran: its settings, how it ended, and what produced it. */
final class TrialRows {
  private TrialRows() {}

  static TrialRow of(
      TrialSpec trial,
      TrialOutcome outcome,
      String dataDescription,
      Instant started,
      Provenance provenance) {
    return new TrialRow(
        trial.id(),
        trial.sweep(),
        settings(trial, dataDescription),
        outcome(trial, outcome, started),
        provenance);
  }

  static TrialRow.Settings settings(TrialSpec trial, String dataDescription) {
    TrainingSpec training = trial.training();
    DistributionSpec distribution = trial.distribution();
    return new TrialRow.Settings(
        trial.activation().label(),
        trial.activation().canonical(),
        trial.architecture().label(),
        trial.seed(),
        training.epochs(),
        training.batchSize(),
        training.optimizer().label(),
        training.learningRate(),
        distribution.workers(),
        distribution.averagingFrequency(),
        distribution.batchSizePerWorker(),
        trial.dataset().source().label(),
        trial.dataset().trainSize(),
        trial.dataset().testSize(),
        dataDescription,
        trial.dataset().validationLabel(),
        trial.augmentation().label(),
        training.dropoutScale(),
        training.weightInit().label());
  }

  private static TrialRow.Outcome outcome(TrialSpec trial, TrialOutcome outcome, Instant started) {
    List<EpochRow> epochs = outcome.epochs();
    EpochRow best =
        epochs.stream()
            .filter(e -> Double.isFinite(e.valLoss()))
            .max(Comparator.comparingDouble(EpochRow::valAccuracy))
            .orElse(null);
    EpochRow kept =
        epochs.stream()
            .filter(e -> Integer.valueOf(e.epoch()).equals(outcome.finalEpoch()))
            .findFirst()
            .orElse(null);
    return new TrialRow.Outcome(
        outcome.status(),
        outcome.error(),
        started,
        Instant.now(),
        outcome.params(),
        epochs.size(),
        kept == null ? null : kept.valAccuracy(),
        best == null ? null : best.valAccuracy(),
        best == null ? null : best.epoch(),
        outcome.testLoss(),
        outcome.testAccuracy(),
        outcome.stoppedEarly(trial.training().epochs()) ? TrialRow.EARLY_STOPPING : null,
        outcome.finalEpoch());
  }
}
