package org.sweep4j.training;

import java.util.List;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.TrialStatus;

/** What training a trial produced: its epochs, how it ended, and the network's parameter count. */
public record TrialOutcome(TrialStatus status, String error, List<EpochRow> epochs, long params) {
  public TrialOutcome {
    epochs = List.copyOf(epochs);
  }
}
