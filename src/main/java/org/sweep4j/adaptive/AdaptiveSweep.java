package org.sweep4j.adaptive;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.sweep4j.config.AdaptiveSeeds;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.Grid;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.report.SeedLooks;
import org.sweep4j.report.SequentialDesign;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.training.PausePlan;
import org.sweep4j.training.SweepSummary;
import org.sweep4j.training.TrialSelection;

/**
 * Runs a sweep with {@code grid.seeds: {adaptive: …}} in stages: the first look's seeds for every
 * grid point, then, look by look, more seeds only for the points whose comparison with the baseline
 * is still undecided (and for those baselines). Before each stage the looks are replayed from the
 * results directory ({@link SeedLooks}), so a stopped sweep resumed with {@code --resume} goes on
 * at the look it had reached, with the same verdicts. A stage that leaves trials unsettled (failed,
 * stopped, over budget) ends the run: the next look would decide on missing seeds.
 */
public final class AdaptiveSweep {
  private final Stage runner;
  private final PrintStream out;

  public AdaptiveSweep(Stage runner, PrintStream out) {
    this.runner = runner;
    this.out = out;
  }

  public SweepSummary run(JobSpec job, boolean resume, int trialsAtOnce) {
    AdaptiveSeeds seeds = job.grid().adaptiveSeeds();
    if (seeds == null) {
      throw new IllegalArgumentException(job.sweep() + " lists its seeds: run it whole");
    }
    SequentialDesign design = SequentialDesign.of(seeds, job.minDifference());
    Grid grid = Grid.of(job);
    SweepCells cells = new SweepCells(job, grid);
    if (!resume) {
      // Every stage but the first resumes; the first is as strict as a sweep with listed seeds.
      ResultsStore store = ResultsStore.open(job.results());
      TrialSelection.select(cells.trials(), store.statuses(), false, store.location());
    }
    out.println("sweep " + job.sweep() + ": seeds " + seeds.describe());
    SweepSummary total = null;
    boolean firstStage = true;
    StageBudget budget = new StageBudget(job);
    while (true) {
      SeedLooks.Replay replay = SeedLooks.replay(design, cells.recorded(job));
      if (replay.done()) {
        printOutcome(replay, cells);
        return total != null ? total : nothingToRun(job);
      }
      JobSpec left = budget.forNextStage();
      if (left == null) {
        out.printf(
            "budget (%s) reached: the look at %d seeds is not started; rerun with --resume (and a"
                + " larger budget) to go on%n",
            budget.describe(), replay.pendingLook());
        return total != null ? total : nothingToRun(job);
      }
      List<TrialSpec> stage = cells.trialsFor(replay, job);
      out.printf(
          "look at %d seeds per cell: %d of %d grid points need seeds (%s), %d trials%n",
          replay.pendingLook(),
          replay.pendingCells().size(),
          grid.points().size(),
          cells.names(replay.pendingCells()),
          stage.size());
      Map<String, TrialRow> before = SweepCells.rows(job);
      SweepSummary summary =
          runner.run(left, resume || !firstStage, trialsAtOnce, stage, PausePlan.NONE);
      budget.spent(stage, before);
      total = total == null ? summary : total.plus(summary);
      firstStage = false;
      if (summary.stop().stopped()
          || !cells.settled(stage, job)
          || summary.overBudget() > 0
          || summary.elsewhere() > 0) {
        out.printf(
            "adaptive seeds: the look at %d seeds waits for trials this run did not settle;"
                + " run the same command with --resume to go on%n",
            replay.pendingLook());
        return total;
      }
    }
  }

  private static SweepSummary nothingToRun(JobSpec job) {
    return new SweepSummary(0, 0, 0, 0, 0, 0, job.results());
  }

  private void printOutcome(SeedLooks.Replay replay, SweepCells cells) {
    out.println("adaptive seeds: every cell has stopped getting seeds");
    for (SeedLooks.CellOutcome cell : replay.cells()) {
      out.printf(
          "  %-48s %2d seeds  %s%n",
          cells.name(cell.cell()),
          cell.seeds(),
          SeedLooks.why(cell, cell.baseline() == null ? null : cells.name(cell.baseline())));
    }
  }
}
