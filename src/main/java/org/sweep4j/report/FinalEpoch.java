package org.sweep4j.report;

import java.util.List;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.TrialRow;

/**
 * The epoch whose weights a trial ended with, which is what "final" means in a report: the best
 * epoch when early stopping restored it, else the last one run (also for tables written before the
 * trials table recorded which).
 */
final class FinalEpoch {
  private FinalEpoch() {}

  /**
   * @param curve the trial's epochs in order, at least one
   */
  static EpochRow of(TrialRow trial, List<EpochRow> curve) {
    Integer kept = trial.outcome().finalEpoch();
    if (kept != null) {
      for (EpochRow epoch : curve) {
        if (epoch.epoch() == kept) {
          return epoch;
        }
      }
    }
    return curve.get(curve.size() - 1);
  }
}
