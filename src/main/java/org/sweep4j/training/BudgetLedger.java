package org.sweep4j.training;

import java.time.Duration;
import java.time.Instant;
import org.sweep4j.config.Budget;

/**
 * Keeps a run within its {@link Budget} while trials run side by side: a trial that starts reserves
 * its planned epochs, so trials running at once cannot together overshoot the epoch cap; when it
 * ends, the epochs it really trained replace the reservation and its wall time joins the mean the
 * time cap is judged by.
 */
final class BudgetLedger {
  private final Budget budget;
  private final Instant runStarted;
  private long epochsEnded;
  private long epochsReserved;
  private int trialsEnded;
  private Duration endedTrialTime = Duration.ZERO;

  BudgetLedger(Budget budget, Instant runStarted) {
    this.budget = budget;
    this.runStarted = runStarted;
  }

  /**
   * Whether a trial of {@code epochs} epochs may start now: if it fits, its epochs are reserved
   * until {@link #end}; if it fits only once running trials give back what they reserved and did
   * not train (early stopping, divergence), it waits for them; otherwise it is skipped. With a time
   * cap, it starts only if the time so far plus the mean duration of the trials ended so far fits.
   */
  synchronized TrialScheduler.Admission admit(int epochs, Instant now) {
    Duration elapsed = Duration.between(runStarted, now);
    Duration meanTrial = trialsEnded == 0 ? null : endedTrialTime.dividedBy(trialsEnded);
    if (budget.allows(epochsEnded + epochsReserved, epochs, elapsed, meanTrial)) {
      epochsReserved += epochs;
      return TrialScheduler.Admission.START;
    }
    boolean fitsOnceRunningEnd = budget.allows(epochsEnded, epochs, elapsed, meanTrial);
    return epochsReserved > 0 && fitsOnceRunningEnd
        ? TrialScheduler.Admission.WAIT
        : TrialScheduler.Admission.SKIP;
  }

  /**
   * A trial that {@link #tryStart} let start has ended after {@code epochsRun} epochs and {@code
   * took}.
   */
  synchronized void end(int plannedEpochs, int epochsRun, Duration took) {
    epochsReserved -= plannedEpochs;
    epochsEnded += epochsRun;
    trialsEnded++;
    endedTrialTime = endedTrialTime.plus(took);
  }
}
