package org.sweep4j.adaptive;

import java.util.List;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.training.SweepRunner;
import org.sweep4j.training.SweepSummary;

/** Trains some of a job's trials and records them: {@link SweepRunner}'s staged run. */
@FunctionalInterface
public interface Stage {
  /**
   * @param pauseAfter the epoch after which every trial pauses (0: none)
   */
  SweepSummary run(
      JobSpec job, boolean resume, int trialsAtOnce, List<TrialSpec> trials, int pauseAfter);
}
