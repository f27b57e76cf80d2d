package org.sweep4j.training;

import java.util.List;
import java.util.Map;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.TrialStatus;

/** Which of a sweep's trials a run trains, given what its results directory already records. */
public final class TrialSelection {
  private TrialSelection() {}

  /**
   * Without {@code resume}: every trial, and none may be recorded yet. With it: every trial not
   * recorded as settled (finished or diverged); failed ones run again.
   */
  public static List<TrialSpec> select(
      List<TrialSpec> trials, Map<String, TrialStatus> recorded, boolean resume, String location) {
    List<TrialSpec> present = trials.stream().filter(t -> recorded.containsKey(t.id())).toList();
    if (!resume && !present.isEmpty()) {
      throw new SweepException(
          location
              + " already holds "
              + present.size()
              + " of this sweep's "
              + trials.size()
              + " trials (e.g. "
              + present.get(0).id()
              + "). Rerun with --resume to finish the sweep, or pass"
              + " --results with another directory.");
    }
    return trials.stream()
        .filter(t -> !recorded.containsKey(t.id()) || !recorded.get(t.id()).isSettled())
        .toList();
  }
}
