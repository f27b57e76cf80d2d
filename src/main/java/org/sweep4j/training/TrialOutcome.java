package org.sweep4j.training;

import java.util.List;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.TrialStatus;

/**
 * What training a trial produced: its epochs and layer diagnostics, how it ended, its parameter
 * count, its test-set loss and accuracy with the weights it ended with (null when it did not
 * finish), the native backend that trained it where an executor reported one (null: the driver's
 * describes it), and the epoch whose weights it ended with: the last one run, or the best one when
 * early stopping restored it (null when no epoch ran).
 */
public record TrialOutcome(
    TrialStatus status,
    String error,
    List<EpochRow> epochs,
    List<LayerStatRow> layerStats,
    long params,
    Double testLoss,
    Double testAccuracy,
    String backend,
    Integer finalEpoch) {
  public TrialOutcome {
    epochs = List.copyOf(epochs);
    layerStats = List.copyOf(layerStats);
  }

  /** A trial that failed before training anything. */
  static TrialOutcome failed(String error) {
    return new TrialOutcome(
        TrialStatus.FAILED, error, List.of(), List.of(), 0, null, null, null, null);
  }

  /** Whether the trial paused at a pruning rung (recorded as interrupted, to go on later). */
  boolean paused() {
    return status == TrialStatus.INTERRUPTED && error != null && error.startsWith(TrialLoop.PAUSED);
  }

  /**
   * Whether the trial finished before the {@code plannedEpochs} it was given: early stopping ended
   * it.
   */
  boolean stoppedEarly(int plannedEpochs) {
    return status == TrialStatus.FINISHED && epochs.size() < plannedEpochs;
  }
}
