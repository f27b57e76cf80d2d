package org.sweep4j.adaptive;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sweep4j.config.AdaptiveSeeds;
import org.sweep4j.config.Axis;
import org.sweep4j.config.Budget;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.Grid;
import org.sweep4j.grid.GridExpander;
import org.sweep4j.grid.GridPoint;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.report.SeedLooks;
import org.sweep4j.report.SequentialDesign;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.training.SweepRunner;
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
  /** Trains some of a job's trials and records them: {@link SweepRunner}'s staged run. */
  @FunctionalInterface
  public interface Stage {
    SweepSummary run(JobSpec job, boolean resume, int trialsAtOnce, List<TrialSpec> trials);
  }

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
    Cells cells = new Cells(job, grid);
    if (!resume) {
      // Every stage but the first resumes; the first is as strict as a sweep with listed seeds.
      ResultsStore store = ResultsStore.open(job.results());
      TrialSelection.select(cells.trials, store.statuses(), false, store.location());
    }
    out.println("sweep " + job.sweep() + ": seeds " + seeds.describe());
    SweepSummary total = null;
    boolean firstStage = true;
    Instant started = Instant.now();
    long epochs = 0;
    while (true) {
      SeedLooks.Replay replay = SeedLooks.replay(design, cells.recorded(job));
      if (replay.done()) {
        printOutcome(replay, cells);
        return total != null ? total : nothingToRun(job);
      }
      Budget left = job.budget().remaining(Duration.between(started, Instant.now()), epochs);
      if (left == null) {
        out.printf(
            "budget (%s) reached: the look at %d seeds is not started; rerun with --resume (and a"
                + " larger budget) to go on%n",
            job.budget(), replay.pendingLook());
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
      SweepSummary summary =
          runner.run(job.withBudget(left), resume || !firstStage, trialsAtOnce, stage);
      epochs += cells.epochsTrained(stage, job);
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

  private void printOutcome(SeedLooks.Replay replay, Cells cells) {
    out.println("adaptive seeds: every cell has stopped getting seeds");
    for (SeedLooks.CellOutcome cell : replay.cells()) {
      out.printf(
          "  %-48s %2d seeds  %s%n",
          cells.name(cell.cell()),
          cell.seeds(),
          SeedLooks.why(cell, cell.baseline() == null ? null : cells.name(cell.baseline())));
    }
  }

  /** The grid's points as the looks' cells: each point's trials by seed, and its baseline. */
  private static final class Cells {
    private final List<GridPoint> points;
    private final List<TrialSpec> trials;
    private final List<String> keys = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index;
    private final String[] baselines;

    Cells(JobSpec job, Grid grid) {
      points = grid.points();
      trials = GridExpander.expand(job, grid);
      List<Axis> shown =
          grid.varyingAxes().stream()
              .filter(a -> a != Axis.ARCHITECTURE && a != Axis.ACTIVATION)
              .toList();
      for (GridPoint point : points) {
        keys.add(point.describe(Arrays.asList(Axis.values())));
        names.add(
            point.architecture().label()
                + " "
                + point.activation().label()
                + (shown.isEmpty() ? "" : " " + point.describe(shown)));
      }
      index =
          java.util.stream.IntStream.range(0, keys.size())
              .boxed()
              .collect(Collectors.toMap(keys::get, Function.identity()));
      baselines = new String[points.size()];
      for (int i = 0; i < points.size(); i++) {
        baselines[i] = baselineOf(points.get(i), job.baseline());
      }
    }

    /** The point trained like {@code point} with the baseline activation, if any. */
    private String baselineOf(GridPoint point, String baseline) {
      if (point.activation().label().equals(baseline)) {
        return null;
      }
      for (GridPoint other : points) {
        if (other.activation().label().equals(baseline)
            && Arrays.stream(Axis.values())
                .filter(a -> a != Axis.ACTIVATION)
                .allMatch(a -> other.valueOf(a).equals(point.valueOf(a)))) {
          return keys.get(points.indexOf(other));
        }
      }
      return null;
    }

    /** The trial of point {@code p}'s seed index {@code s}: the expansion is seed-major. */
    private TrialSpec trial(int p, int s) {
      return trials.get(s * points.size() + p);
    }

    List<SeedLooks.CellSeeds> recorded(JobSpec job) {
      Map<String, TrialRow> rows = rows(job);
      int seeds = trials.size() / points.size();
      List<SeedLooks.CellSeeds> cells = new ArrayList<>();
      for (int p = 0; p < points.size(); p++) {
        List<Double> finals = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
          finals.add(SeedLooks.finalValue(rows.get(trial(p, s).id())));
        }
        cells.add(new SeedLooks.CellSeeds(keys.get(p), baselines[p], finals));
      }
      return cells;
    }

    /** The unsettled trials the pending look needs. */
    List<TrialSpec> trialsFor(SeedLooks.Replay replay, JobSpec job) {
      Map<String, TrialRow> rows = rows(job);
      List<TrialSpec> stage = new ArrayList<>();
      for (int s = 0; s < replay.pendingLook(); s++) {
        for (int p = 0; p < points.size(); p++) {
          TrialSpec trial = trial(p, s);
          if (replay.pendingCells().contains(keys.get(p))
              && SeedLooks.finalValue(rows.get(trial.id())) == null) {
            stage.add(trial);
          }
        }
      }
      return stage;
    }

    /** Epochs the stage's trials have recorded, for the budget the stages share. */
    long epochsTrained(List<TrialSpec> stage, JobSpec job) {
      Map<String, TrialRow> rows = rows(job);
      return stage.stream()
          .map(t -> rows.get(t.id()))
          .filter(java.util.Objects::nonNull)
          .mapToLong(r -> r.outcome().epochsCompleted())
          .sum();
    }

    boolean settled(List<TrialSpec> stage, JobSpec job) {
      Map<String, TrialRow> rows = rows(job);
      return stage.stream().allMatch(t -> SeedLooks.finalValue(rows.get(t.id())) != null);
    }

    String name(String key) {
      return names.get(index.get(key));
    }

    String names(Set<String> keys) {
      return keys.stream().map(this::name).collect(Collectors.joining("; "));
    }

    private static Map<String, TrialRow> rows(JobSpec job) {
      ResultsStore store = ResultsStore.open(job.results());
      return store.hasTable(ResultsStore.TRIALS)
          ? store.readTrials().stream()
              .collect(Collectors.toMap(TrialRow::trialId, Function.identity(), (a, b) -> b))
          : Map.of();
    }
  }
}
