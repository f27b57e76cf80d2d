package org.sweep4j.report;

import java.util.Locale;

/**
 * One activation against the baseline on one architecture, on final validation accuracy: the mean
 * difference (activation − baseline) with its 95% Welch interval, Welch's two-sided p-value, the
 * p-value after Holm's correction over all comparisons in the report, and a verdict in words.
 * Values are NaN when either side has fewer than two seeds.
 */
public record BaselineComparison(
    String architecture,
    String activation,
    String baseline,
    int seeds,
    int baselineSeeds,
    double difference,
    double low,
    double high,
    double p,
    double pHolm) {

  /** Significance level the verdict uses, after Holm's correction. */
  public static final double ALPHA = 0.05;

  /** Below this many seeds per side an interval is too wide and too unstable to lean on. */
  public static final int MIN_SEEDS = 3;

  public boolean testable() {
    return !Double.isNaN(pHolm);
  }

  public String verdict() {
    if (!testable()) {
      return "not testable: needs at least 2 seeds on each side ("
          + seeds
          + " vs "
          + baselineSeeds
          + ")";
    }
    if (pHolm < ALPHA) {
      return String.format(
          Locale.ROOT,
          "%s than %s by %.3f",
          difference > 0 ? "better" : "worse",
          baseline,
          Math.abs(difference));
    }
    return "not distinguishable from "
        + baseline
        + " with "
        + seeds
        + " vs "
        + baselineSeeds
        + " seeds";
  }

  /** A warning when the comparison rests on too few seeds, else null. */
  public String warning() {
    return Math.min(seeds, baselineSeeds) < MIN_SEEDS
        ? "fewer than " + MIN_SEEDS + " seeds: treat as a hint"
        : null;
  }
}
