package org.sweep4j.adaptive;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sweep4j.config.InputException;
import org.sweep4j.config.JobSpec;
import org.sweep4j.config.PruningSpec;
import org.sweep4j.grid.Grid;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.report.PruningRule;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;
import org.sweep4j.training.SweepSummary;
import org.sweep4j.training.TrialSelection;

/**
 * Runs a sweep with {@code pruning: {rungs, keep, …}} in stages, one per rung: the trials of the
 * points still in train to the rung epoch and pause there (recorded as interrupted, with their
 * checkpoint); the points are judged on all their seeds ({@link PruningRule}); the pruned points'
 * trials are recorded as finished with stop reason {@code pruned_at_rung_R}, and the others go on
 * from their checkpoints to the next rung, and at last to the end. The judgements are replayed from
 * the recorded epochs before every stage, so {@code --resume} goes on where a stopped run was.
 * Points are judged once all their seeds reached the rung: successive halving in stages, so a
 * stage's last trials leave task slots idle until the next stage starts.
 */
public final class PrunedSweep {
  private final Stage runner;
  private final PrintStream out;

  public PrunedSweep(Stage runner, PrintStream out) {
    this.runner = runner;
    this.out = out;
  }

  public SweepSummary run(JobSpec job, boolean resume, int trialsAtOnce) {
    PruningSpec pruning = job.pruning();
    Grid grid = Grid.of(job);
    SweepCells cells = new SweepCells(job, grid);
    requireOneWorker(job, cells);
    if (!resume) {
      ResultsStore store = ResultsStore.open(job.results());
      TrialSelection.select(cells.trials(), store.statuses(), false, store.location());
    }
    out.println("sweep " + job.sweep() + ": pruning " + pruning.describe());
    SweepSummary total = null;
    boolean firstStage = true;
    StageBudget budget = new StageBudget(job);
    List<Integer> rungs = pruning.rungs();
    for (int stage = 0; stage <= rungs.size(); stage++) {
      boolean last = stage == rungs.size();
      int epoch = last ? job.shared().epochs() : rungs.get(stage);
      Set<Integer> alive = alive(job, cells, stage);
      List<TrialSpec> pending = pending(job, cells, alive, epoch);
      if (!pending.isEmpty()) {
        JobSpec left = budget.forNextStage();
        if (left == null) {
          out.printf(
              "budget (%s) reached before epoch %d; rerun with --resume (and a larger budget) to"
                  + " go on%n",
              budget.describe(), epoch);
          return total != null ? total : new SweepSummary(0, 0, 0, 0, 0, 0, job.results());
        }
        out.printf(
            "%s: %d of %d grid points in, %d trials to train to epoch %d%n",
            last ? "last stage" : "rung " + (stage + 1),
            alive.size(),
            cells.points(),
            pending.size(),
            epoch);
        Map<String, TrialRow> before = SweepCells.rows(job);
        SweepSummary summary =
            runner.run(left, resume || !firstStage, trialsAtOnce, pending, last ? 0 : epoch);
        budget.spent(pending, before);
        total = total == null ? summary : total.plus(summary);
        firstStage = false;
        if (!pending(job, cells, alive, epoch).isEmpty()) {
          out.printf(
              "pruning: %s waits for trials this run did not bring to epoch %d; run the same"
                  + " command with --resume to go on%n",
              last ? "the last stage" : "rung " + (stage + 1), epoch);
          return total;
        }
      }
      if (!last) {
        prune(job, cells, alive, stage);
      }
    }
    return total != null ? total : new SweepSummary(0, 0, 0, 0, 0, 0, job.results());
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

  /** The points still in before rung {@code stage} (from 0): not pruned at an earlier rung. */
  private static Set<Integer> alive(JobSpec job, SweepCells cells, int stage) {
    Map<String, TrialRow> rows = SweepCells.rows(job);
    Set<Integer> alive = new java.util.TreeSet<>();
    for (int p = 0; p < cells.points(); p++) {
      boolean pruned = false;
      for (int s = 0; s < cells.seeds(); s++) {
        TrialRow row = rows.get(cells.trial(p, s).id());
        int rung = row == null ? 0 : row.outcome().prunedAtRung();
        pruned |= rung > 0 && rung <= stage;
      }
      if (!pruned) {
        alive.add(p);
      }
    }
    return alive;
  }

  /**
   * The trials of the points in that have not reached {@code epoch}: not recorded, or recorded
   * unsettled (paused, interrupted, failed) with fewer epochs.
   */
  private static List<TrialSpec> pending(
      JobSpec job, SweepCells cells, Set<Integer> alive, int epoch) {
    Map<String, TrialRow> rows = SweepCells.rows(job);
    List<TrialSpec> pending = new ArrayList<>();
    for (int s = 0; s < cells.seeds(); s++) {
      for (int p : alive) {
        TrialSpec trial = cells.trial(p, s);
        TrialRow row = rows.get(trial.id());
        boolean reached =
            row != null
                && (row.outcome().status().isSettled() || row.outcome().epochsCompleted() >= epoch);
        if (!reached) {
          pending.add(trial);
        }
      }
    }
    return pending;
  }

  /** Judges the points in at rung {@code stage} and records the pruned ones' trials as finished. */
  private void prune(JobSpec job, SweepCells cells, Set<Integer> alive, int stage) {
    PruningSpec pruning = job.pruning();
    int epoch = pruning.rungs().get(stage);
    ResultsStore store = ResultsStore.open(job.results());
    Map<String, Map<Integer, EpochRow>> epochs = new java.util.HashMap<>();
    for (EpochRow row : store.readEpochs()) {
      epochs.computeIfAbsent(row.trialId(), k -> new java.util.HashMap<>()).put(row.epoch(), row);
    }
    List<PruningRule.Point> points = new ArrayList<>();
    for (int p : alive) {
      List<Double> values = new ArrayList<>();
      for (int s = 0; s < cells.seeds(); s++) {
        EpochRow at = epochs.getOrDefault(cells.trial(p, s).id(), Map.of()).get(epoch);
        values.add(at == null ? Double.NaN : oriented(pruning.metric(), at));
      }
      points.add(new PruningRule.Point(cells.key(p), values));
    }
    List<PruningRule.Judgement> judgements =
        PruningRule.judge(points, pruning.keep(), pruning.alpha());
    List<String> pruned = new ArrayList<>();
    for (PruningRule.Judgement judgement : judgements) {
      if (!judgement.kept()) {
        pruned.add(cells.name(judgement.point().point()));
        recordPruned(store, cells, judgement.point().point(), stage + 1, epoch);
      }
    }
    out.printf(
        Locale.ROOT,
        "rung %d (epoch %d): %d of %d points go on%s%n",
        stage + 1,
        epoch,
        judgements.size() - pruned.size(),
        judgements.size(),
        pruned.isEmpty() ? "" : "; pruned: " + String.join(", ", pruned));
  }

  /** The metric at an epoch, higher better. */
  static double oriented(PruningSpec.Metric metric, EpochRow row) {
    return metric == PruningSpec.Metric.VAL_ACCURACY ? row.valAccuracy() : -row.valLoss();
  }

  /** The pruned point's paused trials, recorded again as finished at the rung epoch. */
  private static void recordPruned(
      ResultsStore store, SweepCells cells, String key, int rung, int epoch) {
    for (int p = 0; p < cells.points(); p++) {
      if (!cells.key(p).equals(key)) {
        continue;
      }
      for (int s = 0; s < cells.seeds(); s++) {
        store
            .recorded(cells.trial(p, s).id())
            .filter(r -> r.trial().outcome().status() == TrialStatus.INTERRUPTED)
            .ifPresent(
                r -> {
                  store.record(pruned(r, rung, epoch), r.epochs(), r.layerStats());
                  store.removeCheckpoint(r.trial().trialId());
                });
      }
    }
  }

  private static TrialRow pruned(ResultsStore.Recorded recorded, int rung, int epoch) {
    TrialRow trial = recorded.trial();
    TrialRow.Outcome was = trial.outcome();
    EpochRow at =
        recorded.epochs().stream().filter(e -> e.epoch() == epoch).findFirst().orElseThrow();
    boolean testIsValidation = "test".equals(trial.settings().validation());
    TrialRow.Outcome outcome =
        new TrialRow.Outcome(
            TrialStatus.FINISHED,
            null,
            was.startedAt(),
            was.finishedAt(),
            was.params(),
            recorded.epochs().size(),
            at.valAccuracy(),
            was.bestValAccuracy(),
            was.bestEpoch(),
            testIsValidation ? at.valLoss() : null,
            testIsValidation ? at.valAccuracy() : null,
            TrialRow.PRUNED_AT_RUNG + rung,
            epoch);
    return new TrialRow(
        trial.trialId(), trial.sweep(), trial.settings(), outcome, trial.provenance());
  }
}
