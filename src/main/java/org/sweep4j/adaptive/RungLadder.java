package org.sweep4j.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sweep4j.config.PruningSpec;
import org.sweep4j.report.PruningRule;

/**
 * Pruning's decisions as the seeds of each grid point reach the rungs, in the spirit of ASHA: a
 * point is judged once all its seeds reached a rung. While other points have yet to get there, it
 * goes on only if it ranks among the best {@code keep} fraction of the points there so far (rounded
 * down, so never on its own); otherwise it waits. Once every point still in has reached the rung,
 * the waiting points get {@link PruningRule}'s full judgement over all of them: the kept go on, the
 * others are pruned. A point that went on early is never pruned at that rung, so pruning decides on
 * the same evidence as judging all points at once, and only spends more on points that led early.
 * No Spark, no files: the values are handed in, the decisions handed out.
 */
final class RungLadder {
  /** A decision on point {@code point} at rung {@code rung} (from 1). */
  sealed interface Decision {
    int point();

    int rung();
  }

  /** The point goes on past the rung; {@code early} when not all points had reached it. */
  record Promotion(int point, int rung, int rank, int there, boolean early) implements Decision {}

  /** The point stops at the rung. */
  record Pruning(int point, int rung, PruningRule.Judgement judgement) implements Decision {}

  private final List<Integer> rungs;
  private final PruningSpec pruning;
  private final String[] keys;
  private final int seeds;

  /** Epochs each trial has recorded, by point and seed index. */
  private final int[][] completed;

  private final boolean[][] settled;

  /** The oriented metric of each trial at each rung epoch (NaN: not recorded). */
  private final double[][][] values;

  /** Rungs each point has passed. */
  private final int[] level;

  /** The rung (from 1) each point was pruned at; 0 while it is in. */
  private final int[] prunedAt;

  RungLadder(PruningSpec pruning, List<String> keys, int seeds) {
    this.pruning = pruning;
    this.rungs = pruning.rungs();
    this.keys = keys.toArray(String[]::new);
    this.seeds = seeds;
    int points = keys.size();
    completed = new int[points][seeds];
    settled = new boolean[points][seeds];
    values = new double[points][seeds][rungs.size()];
    for (double[][] point : values) {
      for (double[] seed : point) {
        Arrays.fill(seed, Double.NaN);
      }
    }
    level = new int[points];
    prunedAt = new int[points];
  }

  /**
   * What a trial has recorded: its epochs, whether it is settled (finished, diverged), the rung it
   * was pruned at (0: none) and its oriented metric after each epoch ({@code valueAt}, NaN where
   * none). A trial past a rung's epoch shows that its point went on past that rung.
   */
  void record(
      int point,
      int seed,
      int epochs,
      boolean isSettled,
      int prunedAtRung,
      java.util.function.IntToDoubleFunction valueAt) {
    completed[point][seed] = epochs;
    settled[point][seed] = isSettled;
    for (int r = 0; r < rungs.size(); r++) {
      values[point][seed][r] =
          epochs >= rungs.get(r) ? valueAt.applyAsDouble(rungs.get(r)) : Double.NaN;
      if (epochs > rungs.get(r)) {
        level[point] = Math.max(level[point], r + 1);
      }
    }
    if (prunedAtRung > 0) {
      prunedAt[point] = prunedAtRung;
    }
  }

  /** Every decision that can be made now, in the order made. */
  List<Decision> decide() {
    List<Decision> decisions = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r < rungs.size(); r++) {
        List<Decision> atRung = decide(r);
        decisions.addAll(atRung);
        changed |= !atRung.isEmpty();
      }
    }
    return decisions;
  }

  private List<Decision> decide(int r) {
    List<Integer> there = new ArrayList<>();
    boolean everyoneThere = true;
    for (int p = 0; p < keys.length; p++) {
      boolean out = prunedAt[p] > 0 && prunedAt[p] <= r;
      if (out) {
        continue;
      }
      boolean reached = level[p] >= r || prunedAt[p] > r;
      if (reached && arrived(p, r)) {
        there.add(p);
      } else {
        everyoneThere = false;
      }
    }
    List<Integer> waiting = there.stream().filter(p -> level[p] == r && prunedAt[p] == 0).toList();
    if (waiting.isEmpty()) {
      return List.of();
    }
    List<PruningRule.Point> points = new ArrayList<>();
    for (int p : there) {
      List<Double> seedValues = new ArrayList<>();
      for (int s = 0; s < seeds; s++) {
        seedValues.add(values[p][s][r]);
      }
      points.add(new PruningRule.Point(keys[p], seedValues));
    }
    List<PruningRule.Judgement> judgements =
        PruningRule.judge(points, pruning.keep(), pruning.alpha());
    int earlyTop = (int) Math.floor(pruning.keep() * there.size());
    List<Decision> decisions = new ArrayList<>();
    for (PruningRule.Judgement judgement : judgements) {
      int p = there.get(points.indexOf(judgement.point()));
      if (!waiting.contains(p)) {
        continue;
      }
      if (everyoneThere && !judgement.kept()) {
        prunedAt[p] = r + 1;
        decisions.add(new Pruning(p, r + 1, judgement));
      } else if (everyoneThere || judgement.rank() <= earlyTop) {
        level[p] = r + 1;
        decisions.add(
            new Promotion(p, r + 1, judgement.rank(), judgement.points(), !everyoneThere));
      }
    }
    return decisions;
  }

  /** Whether all of the point's seeds reached rung {@code r}'s epoch or settled before it. */
  private boolean arrived(int p, int r) {
    for (int s = 0; s < seeds; s++) {
      if (!settled[p][s] && completed[p][s] < rungs.get(r)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The epoch the point's trials train to next: its next rung's, or the end (0) once past every
   * rung; -1 when it is pruned.
   */
  int pauseAfter(int point) {
    if (prunedAt[point] > 0) {
      return -1;
    }
    return level[point] < rungs.size() ? rungs.get(level[point]) : 0;
  }

  /** Whether trial {@code seed} of the point still has epochs to train before its next pause. */
  boolean needsTraining(int point, int seed) {
    int pauseAfter = pauseAfter(point);
    if (pauseAfter < 0 || settled[point][seed]) {
      return false;
    }
    return pauseAfter == 0 || completed[point][seed] < pauseAfter;
  }

  int completed(int point, int seed) {
    return completed[point][seed];
  }

  /** Rungs the point has passed. */
  int level(int point) {
    return level[point];
  }

  boolean settled(int point, int seed) {
    return settled[point][seed];
  }

  boolean pruned(int point) {
    return prunedAt[point] > 0;
  }
}
