package org.sweep4j.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.sweep4j.config.AdaptiveSeeds;

/**
 * Deciding comparisons as seeds are added: looks at {@code start}, {@code start + step}, … up to
 * {@code max} seeds per cell, each comparison decided (better, worse, equivalent within ±delta) at
 * the first look where its evidence clears that look's level, or left undecided at the last.
 *
 * <p>Repeating a fixed-sample test at every look would inflate its error rate (stopping when it
 * happens to cross). Here each look spends its own share of α, from an O'Brien–Fleming-type
 * spending function (Lan and DeMets 1983): α(t) = 2 − 2Φ(z<sub>1−α/2</sub> / √t) at information
 * fraction t = seeds / max, so early looks get very little and the last almost all. A look's
 * comparisons are Holm-corrected at its share. By Bonferroni over looks, the chance of any wrong
 * difference (or any wrong equivalence) over the whole run stays at most α, however the looks are
 * correlated: conservative, and valid whichever cells stop early.
 */
public record SequentialDesign(int start, int step, int max, double alpha, double delta) {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  public SequentialDesign {
    new AdaptiveSeeds(start, step, max, alpha); // validates the looks and alpha
    if (!(delta > 0)) {
      throw new IllegalArgumentException("delta must be above 0, found " + delta);
    }
  }

  /** What a comparison is at a look. */
  public enum Verdict {
    BETTER,
    WORSE,
    EQUIVALENT,
    /** Not decided yet: add seeds. */
    CONTINUE,
    /** Not decided at the last look. */
    UNDECIDED
  }

  /**
   * A comparison's verdict at a look, with its Holm-adjusted p values (difference, equivalence) and
   * the level they were held to.
   */
  public record Decision(Verdict verdict, double p, double equivalenceP, double level) {}

  /** The design of a job's adaptive seeds, deciding equivalence within ±{@code delta}. */
  public static SequentialDesign of(AdaptiveSeeds seeds, double delta) {
    return new SequentialDesign(seeds.start(), seeds.step(), seeds.max(), seeds.alpha(), delta);
  }

  /** The seeds per cell at each look. */
  public List<Integer> looks() {
    return new AdaptiveSeeds(start, step, max, alpha).looks();
  }

  /** α spent by the look at {@code seeds} seeds and all before it. */
  public double spent(int seeds) {
    double t = Math.min(1, (double) seeds / max);
    double z = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    return 2 - 2 * NORMAL.cumulativeProbability(z / Math.sqrt(t));
  }

  /** The share of α the look at {@code seeds} seeds may spend. */
  public double level(int seeds) {
    List<Integer> looks = looks();
    int index = looks.indexOf(seeds);
    if (index < 0) {
      throw new IllegalArgumentException(seeds + " seeds is not a look of " + looks);
    }
    return spent(seeds) - (index == 0 ? 0 : spent(looks.get(index - 1)));
  }

  /**
   * The verdicts at the look at {@code seeds} seeds of the comparisons still open, given their
   * Welch tests (difference = cell − baseline): Holm over the open comparisons at the look's level,
   * for the difference and, separately, for equivalence within ±delta.
   */
  List<Decision> decide(int seeds, List<Stats.Welch> open) {
    double level = level(seeds);
    double[] difference = new double[open.size()];
    double[] equivalence = new double[open.size()];
    for (int i = 0; i < open.size(); i++) {
      difference[i] = open.get(i).p();
      equivalence[i] = open.get(i).equivalenceP(delta);
    }
    double[] holmDifference = Stats.holm(difference);
    double[] holmEquivalence = Stats.holm(equivalence);
    boolean last = seeds >= max;
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      Verdict verdict;
      if (holmEquivalence[i] < level) {
        verdict = Verdict.EQUIVALENT;
      } else if (holmDifference[i] < level) {
        verdict = open.get(i).difference() > 0 ? Verdict.BETTER : Verdict.WORSE;
      } else {
        verdict = last ? Verdict.UNDECIDED : Verdict.CONTINUE;
      }
      decisions.add(new Decision(verdict, holmDifference[i], holmEquivalence[i], level));
    }
    return decisions;
  }
}
