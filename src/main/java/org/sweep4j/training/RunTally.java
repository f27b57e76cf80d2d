package org.sweep4j.training;

import java.util.ArrayList;
import java.util.List;
import org.sweep4j.results.TrialStatus;

/** Counts of a run's trials by how they ended, updated by whichever thread ran them. */
final class RunTally {
  private int finished;
  private int diverged;
  private int failed;
  private int interrupted;
  private int notStarted;
  private int skipped;
  private int elsewhere;
  private final List<String> overBudget = new ArrayList<>();

  RunTally(int skipped) {
    this.skipped = skipped;
  }

  synchronized void ended(TrialStatus status) {
    switch (status) {
      case FINISHED -> finished++;
      case DIVERGED -> diverged++;
      case FAILED -> failed++;
      case INTERRUPTED -> interrupted++;
    }
  }

  /** Not started because the run was interrupted. */
  synchronized void notStarted() {
    notStarted++;
  }

  /** Recorded by another driver after this run listed the results directory. */
  synchronized void recordedElsewhere() {
    skipped++;
  }

  /** Left to another live driver that holds its claim. */
  synchronized void leftToOtherRun() {
    elsewhere++;
  }

  synchronized void overBudget(String trialId) {
    overBudget.add(trialId);
  }

  synchronized List<String> overBudgetIds() {
    return List.copyOf(overBudget);
  }

  synchronized SweepSummary summary(String stoppedBy, String results) {
    return new SweepSummary(
        finished,
        diverged,
        failed,
        skipped,
        elsewhere,
        overBudget.size(),
        new SweepSummary.Stop(stoppedBy, interrupted, notStarted),
        results);
  }
}
