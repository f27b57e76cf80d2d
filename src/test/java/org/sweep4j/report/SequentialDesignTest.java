package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Adding seeds until decided keeps its error rates: simulated sweeps (no training) of three cells
 * against a baseline, looks at 3, 6, 9 and 12 seeds, with known true differences. Testing at the
 * full α at every look instead is shown to break the same bound, so the simulation can tell.
 */
class SequentialDesignTest {
  private static final int RUNS = 10_000;

  /**
   * What a rate of α may exceed α by in RUNS simulated sweeps by chance alone: three standard
   * errors. The bound is near-exact for equivalence at its margin (0.0476 in 20,000 runs).
   */
  private static final double NOISE = 3 * Math.sqrt(0.05 * 0.95 / RUNS);

  private static final int CELLS = 3;
  private static final SequentialDesign DESIGN = new SequentialDesign(3, 3, 12, 0.05, 0.01);

  /** How one simulated sweep ended: any wrong verdict, and the seeds each cell used. */
  private record Outcome(boolean wrongDifference, boolean wrongEquivalence, double meanSeeds) {}

  /**
   * One sweep: each cell's true difference from the baseline, seed-to-seed sd. The sequential
   * procedure is the one the driver and the report use: {@link SeedLooks#replay} over every seed a
   * cell could get, which uses only the seeds each look reaches.
   */
  private static Outcome sweep(
      SplittableRandom random, double[] trueDifferences, double sd, boolean naive) {
    double[] baseline = draws(random, 0.7, sd);
    List<double[]> cells = new ArrayList<>();
    for (double d : trueDifferences) {
      cells.add(draws(random, 0.7 + d, sd));
    }
    return naive
        ? naiveLooks(baseline, cells, trueDifferences)
        : replayed(baseline, cells, trueDifferences);
  }

  private static Outcome replayed(
      double[] baseline, List<double[]> cells, double[] trueDifferences) {
    List<SeedLooks.CellSeeds> seeds = new ArrayList<>();
    seeds.add(new SeedLooks.CellSeeds("baseline", null, list(baseline, DESIGN.max())));
    for (int c = 0; c < CELLS; c++) {
      seeds.add(new SeedLooks.CellSeeds("cell " + c, "baseline", list(cells.get(c), DESIGN.max())));
    }
    SeedLooks.Replay replay = SeedLooks.replay(DESIGN, seeds);
    assertTrue(replay.done(), "every seed is there, so every cell stops");
    Judge judge = new Judge();
    double used = 0;
    for (int c = 0; c < CELLS; c++) {
      SeedLooks.CellOutcome outcome = replay.cells().get(c + 1);
      judge.judge(outcome.decision().verdict(), trueDifferences[c]);
      used += outcome.seeds();
    }
    return new Outcome(judge.wrongDifference, judge.wrongEquivalence, used / CELLS);
  }

  /** Whether any verdict of a sweep was wrong. */
  private static final class Judge {
    boolean wrongDifference;
    boolean wrongEquivalence;

    void judge(SequentialDesign.Verdict verdict, double trueDifference) {
      if ((verdict == SequentialDesign.Verdict.BETTER || verdict == SequentialDesign.Verdict.WORSE)
          && trueDifference == 0) {
        wrongDifference = true;
      }
      if (verdict == SequentialDesign.Verdict.EQUIVALENT
          && Math.abs(trueDifference) >= DESIGN.delta()) {
        wrongEquivalence = true;
      }
    }
  }

  private static Outcome naiveLooks(
      double[] baseline, List<double[]> cells, double[] trueDifferences) {
    boolean[] open = new boolean[CELLS];
    Arrays.fill(open, true);
    int[] used = new int[CELLS];
    Judge judge = new Judge();
    for (int seeds : DESIGN.looks()) {
      List<Integer> still = new ArrayList<>();
      List<Stats.Welch> tests = new ArrayList<>();
      for (int c = 0; c < CELLS; c++) {
        if (open[c]) {
          still.add(c);
          used[c] = seeds;
          tests.add(Stats.welch(list(cells.get(c), seeds), list(baseline, seeds)));
        }
      }
      if (still.isEmpty()) {
        break;
      }
      List<SequentialDesign.Verdict> verdicts = naive(seeds, tests);
      for (int i = 0; i < still.size(); i++) {
        int c = still.get(i);
        judge.judge(verdicts.get(i), trueDifferences[c]);
        if (verdicts.get(i) != SequentialDesign.Verdict.CONTINUE) {
          open[c] = false;
        }
      }
    }
    return new Outcome(
        judge.wrongDifference, judge.wrongEquivalence, Arrays.stream(used).average().orElse(0));
  }

  /** The same looks, each at the full α, Holm over the cells: what the issue rules out. */
  private static List<SequentialDesign.Verdict> naive(int seeds, List<Stats.Welch> tests) {
    double[] p = tests.stream().mapToDouble(Stats.Welch::p).toArray();
    double[] holm = Stats.holm(p);
    List<SequentialDesign.Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < holm.length; i++) {
      verdicts.add(
          holm[i] < DESIGN.alpha()
              ? SequentialDesign.Verdict.WORSE
              : (seeds >= DESIGN.max()
                  ? SequentialDesign.Verdict.UNDECIDED
                  : SequentialDesign.Verdict.CONTINUE));
    }
    return verdicts;
  }

  private static double[] draws(SplittableRandom random, double mean, double sd) {
    double[] values = new double[DESIGN.max()];
    for (int i = 0; i < values.length; i++) {
      values[i] = mean + sd * random.nextGaussian();
    }
    return values;
  }

  private static List<Double> list(double[] values, int n) {
    return Arrays.stream(values, 0, n).boxed().toList();
  }

  private static double rate(double[] differences, double sd, boolean naive, boolean equivalence) {
    SplittableRandom random = new SplittableRandom(2026);
    int wrong = 0;
    for (int run = 0; run < RUNS; run++) {
      Outcome outcome = sweep(random, differences, sd, naive);
      wrong += (equivalence ? outcome.wrongEquivalence() : outcome.wrongDifference()) ? 1 : 0;
    }
    return (double) wrong / RUNS;
  }

  @Test
  void theLevelsSpendAlphaOverTheLooks() {
    assertEquals(List.of(3, 6, 9, 12), DESIGN.looks());
    double total = 0;
    for (int seeds : DESIGN.looks()) {
      assertTrue(DESIGN.level(seeds) > 0);
      total += DESIGN.level(seeds);
    }
    assertEquals(0.05, total, 1e-12, "all of α, and no more, by the last look");
    assertTrue(DESIGN.level(3) < 0.001, "O'Brien-Fleming: the first look spends almost nothing");
  }

  /** No true difference anywhere: a verdict of better or worse is a false positive. */
  @Test
  void addingSeedsUntilDecidedKeepsTheFalsePositiveRateAtAlpha() {
    double sequential = rate(new double[] {0, 0, 0}, 0.01, false, false);
    double naive = rate(new double[] {0, 0, 0}, 0.01, true, false);
    assertTrue(sequential <= 0.05 + NOISE, "any false difference in " + sequential + " of sweeps");
    // Measured: 0.034 against 0.105 for the naive procedure.
    assertTrue(naive > 0.05 + 5 * NOISE, "testing at full α at every look inflates it: " + naive);
  }

  /** Every cell exactly δ from the baseline: a verdict of equivalent is wrong. */
  @Test
  void equivalenceAtTheMarginIsDeclaredAtMostAlphaOfTheTime() {
    double wrong = rate(new double[] {0.01, -0.01, 0.01}, 0.005, false, true);
    assertTrue(wrong <= 0.05 + NOISE, "false equivalence in " + wrong + " of sweeps");
  }

  /** Where the truth is clear, cells stop early and spend fewer seeds than the maximum. */
  @Test
  void clearCellsStopEarly() {
    SplittableRandom random = new SplittableRandom(7);
    double seeds = 0;
    int decided = 0;
    for (int run = 0; run < 500; run++) {
      Outcome outcome = sweep(random, new double[] {-0.05, 0, 0.05}, 0.005, false);
      seeds += outcome.meanSeeds();
      decided += outcome.wrongDifference() ? 0 : 1;
    }
    assertTrue(seeds / 500 < 9, "mean seeds per cell " + seeds / 500 + " of at most 12");
    assertTrue(decided >= 475, decided + " of 500 sweeps without a false difference");
  }
}
