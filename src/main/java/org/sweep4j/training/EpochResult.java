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

  boolean diverged() {
    return row.diverged() || !Double.isFinite(finalScore);
  }
}
