package org.sweep4j.training;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
    List<EpochRow> epochs = outcome.epochs();
    EpochRow best =
        epochs.stream()
            .filter(e -> Double.isFinite(e.valLoss()))
            .max(Comparator.comparingDouble(EpochRow::valAccuracy))
            .orElse(null);
    Double finalAccuracy = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1).valAccuracy();
    return new TrialRow(
        trial.id(),
        trial.sweep(),
        trial.activation().label(),
        trial.activation().canonical(),
        trial.architecture().label(),
        trial.seed(),
        trial.training().epochs(),
        trial.training().batchSize(),
        trial.training().optimizer().label(),
        trial.training().learningRate(),
        trial.distribution().workers(),
        trial.distribution().averagingFrequency(),
        trial.distribution().batchSizePerWorker(),
        trial.dataset().source().label(),
        trial.dataset().trainSize(),
        trial.dataset().testSize(),
        dataDescription,
        outcome.status(),
        outcome.error(),
        started,
        Instant.now(),
        outcome.params(),
        epochs.size(),
        finalAccuracy,
        best == null ? null : best.valAccuracy(),
        best == null ? null : best.epoch(),
        trial.dataset().validationLabel(),
        trial.augmentation().label(),
        outcome.testLoss(),
        outcome.testAccuracy(),
        trial.training().dropoutScale(),
        trial.training().weightInit().label(),
        outcome.stoppedEarly(trial.training().epochs()) ? TrialRow.EARLY_STOPPING : null,
        provenance);
  }
}
