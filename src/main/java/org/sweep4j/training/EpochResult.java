package org.sweep4j.training;

import java.util.List;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;

/**
 * One trained and scored epoch.
 *
 * @param finalScore the training loss DL4J reported last: NaN or infinite once training diverged,
 *     even when scoring the outputs does not show it yet
 * @param backend the native backend and threads that trained it (an executor's, where it ran on
 *     one)
 */
record EpochResult(EpochRow row, List<LayerStatRow> layerStats, double finalScore, String backend) {
  EpochResult {
    layerStats = List.copyOf(layerStats);
  }

  /** An epoch trained in {@code seconds} on {@code images} and scored as counted. */
  static EpochResult of(
      String trialId,
      int epoch,
      EvalCounts training,
      EvalCounts validation,
      double seconds,
      int images,
      List<LayerStatRow> layerStats,
      double finalScore,
      String backend) {
    EpochRow row =
        new EpochRow(
            trialId,
            epoch,
            training.loss(),
            training.accuracy(),
            validation.loss(),
            validation.accuracy(),
            seconds,
            images / Math.max(seconds, 1e-9));
    return new EpochResult(row, layerStats, finalScore, backend);
  }

  boolean diverged() {
    return row.diverged() || !Double.isFinite(finalScore);
  }
}
