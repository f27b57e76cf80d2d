package org.sweep4j.adaptive;

import java.util.List;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.training.PausePlan;
import org.sweep4j.training.SweepRunner;
import org.sweep4j.training.SweepSummary;

/** Trains some of a job's trials and records them: {@link SweepRunner}'s run of a stage. */
@FunctionalInterface
public interface Stage {
  /**
   * @param plan how far each trial trains before it pauses, and which paused trials go on
   */
  SweepSummary run(
      JobSpec job, boolean resume, int trialsAtOnce, List<TrialSpec> trials, PausePlan plan);
}
