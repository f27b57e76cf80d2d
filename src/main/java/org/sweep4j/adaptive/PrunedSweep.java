package org.sweep4j.adaptive;

import java.io.PrintStream;
import org.sweep4j.config.InputException;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.Grid;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.training.SweepSummary;
import org.sweep4j.training.TrialSelection;

/**
 * Runs a sweep with {@code pruning: {rungs, keep, …}} in one run whose trials pause at their
 * point's next rung (recorded as interrupted, with their checkpoint): a point is judged as soon as
 * all its seeds are at the rung ({@link RungLadder}), goes on from the checkpoints if it is kept,
 * and is recorded as finished with stop reason {@code pruned_at_rung_R} if not ({@link RungPlan}).
 * Task slots never wait for a whole rung to finish while other work is ready. The decisions are
 * replayed from the recorded epochs, so {@code --resume} goes on where a stopped run was.
 */
public final class PrunedSweep {
  private final Stage runner;
  private final PrintStream out;

  public PrunedSweep(Stage runner, PrintStream out) {
    this.runner = runner;
    this.out = out;
  }

  public SweepSummary run(JobSpec job, boolean resume, int trialsAtOnce) {
    SweepCells cells = new SweepCells(job, Grid.of(job));
    requireOneWorker(job, cells);
    if (!resume) {
      ResultsStore store = ResultsStore.open(job.results());
      TrialSelection.select(cells.trials(), store.statuses(), false, store.location());
    }
    out.println(
        "sweep "
            + job.sweep()
            + ": pruning "
            + job.pruning().describe()
            + "; a point is judged once all its seeds reach a rung");
    RungPlan plan = new RungPlan(job, cells, out);
    return runner.run(job, resume, trialsAtOnce, plan.pointMajor(), plan);
  }

  private static void requireOneWorker(JobSpec job, SweepCells cells) {
    for (TrialSpec trial : cells.trials()) {
      if (trial.distribution().workers() != 1) {
        throw new InputException(
            job.sweep()
                + ": pruning pauses trials at its rungs and resumes the survivors from their"
                + " checkpoints, which only one-worker trials keep; "
                + trial.id()
                + " has distribution.workers "
                + trial.distribution().workers());
      }
    }
  }
}
