package org.sweep4j.adaptive;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sweep4j.config.JobSpec;
import org.sweep4j.config.PruningSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.report.PruningRule;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;
import org.sweep4j.training.PausePlan;
import org.sweep4j.training.TrialOutcome;

/**
 * A pruned sweep's plan while its trials run side by side: every trial trains to its point's next
 * rung and pauses there; as each leg ends, {@link RungLadder} decides on the points whose seeds are
 * all at a rung, the points that go on get their next legs (ahead of the trials still waiting, as
 * ASHA promotes before it starts new work), and the pruned points' paused trials are recorded as
 * finished with stop reason {@code pruned_at_rung_R}. Its state comes from the results directory,
 * so a resumed run decides from what is recorded.
 */
final class RungPlan implements PausePlan {
  private final JobSpec job;
  private final SweepCells cells;
  private final PrintStream out;
  private final ResultsStore store;
  private final RungLadder ladder;
  private final Map<String, int[]> places = new HashMap<>();
  private final Set<String> selected = new HashSet<>();

  RungPlan(JobSpec job, SweepCells cells, PrintStream out) {
    this.job = job;
    this.cells = cells;
    this.out = out;
    this.store = ResultsStore.open(job.results());
    List<String> keys = new ArrayList<>();
    for (int p = 0; p < cells.points(); p++) {
      keys.add(cells.key(p));
    }
    ladder = new RungLadder(job.pruning(), keys, cells.seeds());
    Map<String, TrialRow> rows = SweepCells.rows(job);
    Map<String, List<EpochRow>> epochs = new HashMap<>();
    if (store.hasTable(ResultsStore.EPOCHS)) {
      for (EpochRow row : store.readEpochs()) {
        epochs.computeIfAbsent(row.trialId(), k -> new ArrayList<>()).add(row);
      }
    }
    for (int p = 0; p < cells.points(); p++) {
      for (int s = 0; s < cells.seeds(); s++) {
        String id = cells.trial(p, s).id();
        places.put(id, new int[] {p, s});
        record(p, s, rows.get(id), epochs.getOrDefault(id, List.of()));
      }
    }
  }

  /** The sweep's trials, all seeds of a point together, so that points reach their rungs early. */
  List<TrialSpec> pointMajor() {
    List<TrialSpec> trials = new ArrayList<>();
    for (int p = 0; p < cells.points(); p++) {
      for (int s = 0; s < cells.seeds(); s++) {
        trials.add(cells.trial(p, s));
      }
    }
    return trials;
  }

  @Override
  public Next first(List<TrialSpec> selectedTrials) {
    selectedTrials.forEach(t -> selected.add(t.id()));
    List<Stopped> stopped = apply(ladder.decide(), new ArrayList<>());
    List<Leg> legs = new ArrayList<>();
    for (int level = job.pruning().rungs().size(); level >= 0; level--) {
      for (int p = 0; p < cells.points(); p++) {
        if (ladder.level(p) == level) {
          legs.addAll(legs(p));
        }
      }
    }
    return new Next(legs, stopped);
  }

  @Override
  public Next ended(Leg leg, TrialOutcome outcome) {
    int[] place = places.get(leg.trial().id());
    if (outcome != null && !outcome.epochs().isEmpty()) {
      // What was just recorded, without reading it back.
      List<EpochRow> epochs = outcome.epochs();
      record(place[0], place[1], epochs.size(), epochs, outcome.status().isSettled(), 0);
    } else {
      ResultsStore.Recorded recorded = store.recorded(leg.trial().id()).orElse(null);
      if (recorded == null) {
        return new Next(List.of(), List.of());
      }
      record(place[0], place[1], recorded.trial(), recorded.epochs());
    }
    List<Leg> legs = new ArrayList<>();
    List<Stopped> stopped = apply(ladder.decide(), legs);
    return new Next(legs, stopped);
  }

  @Override
  public String waiting() {
    int trials = 0;
    for (int p = 0; p < cells.points(); p++) {
      for (int s = 0; s < cells.seeds(); s++) {
        if (!ladder.pruned(p) && !ladder.settled(p, s)) {
          trials++;
        }
      }
    }
    return trials == 0
        ? null
        : "pruning: "
            + trials
            + " trials wait at their rungs or did not get there in this run (failed, over budget"
            + " or stopped); run the same command with --resume to go on";
  }

  private void record(int p, int s, TrialRow row, List<EpochRow> epochs) {
    if (row == null) {
      ladder.record(p, s, 0, false, 0, e -> Double.NaN);
      return;
    }
    TrialRow.Outcome outcome = row.outcome();
    record(
        p,
        s,
        outcome.epochsCompleted(),
        epochs,
        outcome.status().isSettled(),
        outcome.prunedAtRung());
  }

  private void record(
      int p, int s, int completed, List<EpochRow> epochs, boolean settled, int prunedAtRung) {
    Map<Integer, Double> byEpoch = new HashMap<>();
    for (EpochRow epoch : epochs) {
      byEpoch.put(
          epoch.epoch(),
          PruningRule.oriented(epoch, job.pruning().metric() == PruningSpec.Metric.VAL_LOSS));
    }
    ladder.record(p, s, completed, settled, prunedAtRung, e -> byEpoch.getOrDefault(e, Double.NaN));
  }

  /** The legs point {@code p}'s trials of this run train next. */
  private List<Leg> legs(int p) {
    List<Leg> legs = new ArrayList<>();
    for (int s = 0; s < cells.seeds(); s++) {
      TrialSpec trial = cells.trial(p, s);
      if (selected.contains(trial.id()) && ladder.needsTraining(p, s)) {
        legs.add(new Leg(trial, ladder.completed(p, s), ladder.pauseAfter(p)));
      }
    }
    return legs;
  }

  /** Carries out decisions: promoted points' legs into {@code legs}; returns the stopped trials. */
  private List<Stopped> apply(List<RungLadder.Decision> decisions, List<Leg> legs) {
    List<Stopped> stopped = new ArrayList<>();
    Map<Integer, List<String>> prunedAt = new java.util.TreeMap<>();
    Map<Integer, Integer> wentOn = new java.util.TreeMap<>();
    for (RungLadder.Decision decision : decisions) {
      int p = decision.point();
      int epoch = job.pruning().rungs().get(decision.rung() - 1);
      if (decision instanceof RungLadder.Pruning) {
        prunedAt
            .computeIfAbsent(decision.rung(), r -> new ArrayList<>())
            .add(cells.name(cells.key(p)));
        stopped.addAll(recordPruned(p, decision.rung(), epoch));
      } else if (decision instanceof RungLadder.Promotion promotion) {
        legs.addAll(legs(p));
        if (promotion.early()) {
          out.printf(
              Locale.ROOT,
              "rung %d (epoch %d): %s goes on, ranked %d of the %d points there so far%n",
              decision.rung(),
              epoch,
              cells.name(cells.key(p)),
              promotion.rank(),
              promotion.there());
        } else {
          wentOn.merge(decision.rung(), 1, Integer::sum);
        }
      }
    }
    Set<Integer> judged = new java.util.TreeSet<>(prunedAt.keySet());
    judged.addAll(wentOn.keySet());
    for (int rung : judged) {
      List<String> pruned = prunedAt.getOrDefault(rung, List.of());
      out.printf(
          Locale.ROOT,
          "rung %d (epoch %d), every point there: %d more go on%s%n",
          rung,
          job.pruning().rungs().get(rung - 1),
          wentOn.getOrDefault(rung, 0),
          pruned.isEmpty() ? ", none pruned" : "; pruned: " + String.join(", ", pruned));
    }
    return stopped;
  }

  /** The pruned point's paused trials, recorded again as finished at the rung epoch. */
  private List<Stopped> recordPruned(int p, int rung, int epoch) {
    List<Stopped> stopped = new ArrayList<>();
    for (int s = 0; s < cells.seeds(); s++) {
      TrialSpec trial = cells.trial(p, s);
      ResultsStore.Recorded recorded =
          store
              .recorded(trial.id())
              .filter(r -> r.trial().outcome().status() == TrialStatus.INTERRUPTED)
              .orElse(null);
      if (recorded == null) {
        continue;
      }
      store.record(pruned(recorded, rung, epoch), recorded.epochs(), recorded.layerStats());
      store.removeCheckpoint(trial.id());
      if (selected.contains(trial.id())) {
        stopped.add(new Stopped(trial, epoch));
      }
    }
    return stopped;
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
