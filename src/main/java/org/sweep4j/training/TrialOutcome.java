package org.sweep4j.training;

import java.util.List;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.TrialStatus;

/** What training a trial produced: its epochs and layer diagnostics, how it ended, its parameter count. */
public record TrialOutcome(TrialStatus status, String error, List<EpochRow> epochs, List<LayerStatRow> layerStats,
    long params) {
  public TrialOutcome {
    epochs = List.copyOf(epochs);
    layerStats = List.copyOf(layerStats);
  }
}
