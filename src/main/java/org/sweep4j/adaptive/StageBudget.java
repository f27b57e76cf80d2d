package org.sweep4j.adaptive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sweep4j.config.Budget;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.TrialRow;

/**
 * One budget spent over a staged sweep's stages: each stage is a run of its own, and a budget caps
 * a run, so each stage gets what the ones before left (wall time since the sweep started, epochs
 * its stages recorded).
 */
final class StageBudget {
  private final JobSpec job;
  private final Instant started = Instant.now();
  private long epochs;

  StageBudget(JobSpec job) {
    this.job = job;
  }

  /** The job with what is left of its budget, or null when nothing is. */
  JobSpec forNextStage() {
    Budget left = job.budget().remaining(Duration.between(started, Instant.now()), epochs);
    return left == null ? null : job.withBudget(left);
  }

  /**
   * Counts the epochs {@code stage}'s trials recorded ({@code before}: their epochs when it began).
   */
  void spent(List<TrialSpec> stage, Map<String, TrialRow> before) {
    Map<String, TrialRow> after = SweepCells.rows(job);
    for (TrialSpec trial : stage) {
      epochs += epochsOf(after.get(trial.id())) - epochsOf(before.get(trial.id()));
    }
  }

  private static int epochsOf(TrialRow row) {
    return Objects.isNull(row) ? 0 : row.outcome().epochsCompleted();
  }

  String describe() {
    return job.budget().toString();
  }
}
