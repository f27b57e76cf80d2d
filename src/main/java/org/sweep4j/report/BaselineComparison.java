package org.sweep4j.report;

import java.util.Locale;

/**
 * One activation against the baseline on one architecture, on final validation accuracy: the mean
 * difference (activation − baseline) with its 95% Welch interval, Welch's two-sided p-value and the
 * two one-sided tests of equivalence within ±{@code delta}, each after Holm's correction over all
 * comparisons in the report, what the seeds can tell apart, and a decision in words. Values are NaN
 * when either side has fewer than two seeds.
 *
 * @param delta the smallest difference that matters ({@code report.min_difference})
 * @param pEquivalentHolm Holm-corrected p of "the true difference lies within ±delta"
 * @param detectable the smallest true difference these seeds detect with 80% power at Holm's
 *     strictest level (α divided by the number of comparisons)
 * @param seedsToDecide seeds per side that would decide at delta either way (a true difference of
 *     delta detected, or a true difference of 0 shown equivalent, with 80% power at that level),
 *     from the observed spread; -1 beyond {@link #MAX_SEEDS}, 0 when not testable
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
    double pHolm,
    double delta,
    double pEquivalentHolm,
    double detectable,
    int seedsToDecide) {

  /** Significance level the verdicts use, after Holm's correction. */
  public static final double ALPHA = 0.05;

  /** The power the detectable difference and the seeds needed are computed for. */
  public static final double POWER = 0.8;

  /** Below this many seeds per side an interval is too wide and too unstable to lean on. */
  public static final int MIN_SEEDS = 3;

  /** Seeds per side beyond which the report only says "more than this". */
  public static final int MAX_SEEDS = 100;

  /** What the comparison decided. */
  public enum Decision {
    BETTER,
    WORSE,
    /** Within ±delta of the baseline (equivalence shown), whether or not a difference is too. */
    EQUIVALENT,
    /** Neither a difference nor equivalence shown: the interval reaches beyond ±delta. */
    UNDECIDED,
    UNTESTABLE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public boolean testable() {
    return !Double.isNaN(pHolm);
  }

  public Decision decision() {
    if (!testable()) {
      return Decision.UNTESTABLE;
    }
    if (pEquivalentHolm < ALPHA) {
      return Decision.EQUIVALENT;
    }
    if (pHolm < ALPHA) {
      return difference > 0 ? Decision.BETTER : Decision.WORSE;
    }
    return Decision.UNDECIDED;
  }

  public String verdict() {
    return switch (decision()) {
      case UNTESTABLE ->
          "not testable: needs at least 2 seeds on each side ("
              + seeds
              + " vs "
              + baselineSeeds
              + ")";
      case EQUIVALENT ->
          pHolm < ALPHA
              ? String.format(
                  Locale.ROOT,
                  "equivalent to %s within ±%s (a real but small difference of %+.3f)",
                  baseline,
                  number(delta),
                  difference)
              : String.format(Locale.ROOT, "equivalent to %s within ±%s", baseline, number(delta));
      case BETTER, WORSE ->
          String.format(
              Locale.ROOT,
              "%s than %s by %.3f",
              decision() == Decision.BETTER ? "better" : "worse",
              baseline,
              Math.abs(difference));
      case UNDECIDED ->
          String.format(
                  Locale.ROOT,
                  "undecided at ±%s: the interval [%+.3f, %+.3f] reaches beyond it; ",
                  number(delta),
                  low,
                  high)
              + (seedsToDecide > 0
                  ? "about " + seedsToDecide + " seeds per side would decide"
                  : "more than " + MAX_SEEDS + " seeds per side would be needed");
    };
  }

  /** A warning when the comparison rests on too few seeds, else null. */
  public String warning() {
    return Math.min(seeds, baselineSeeds) < MIN_SEEDS
        ? "fewer than " + MIN_SEEDS + " seeds: treat as a hint"
        : null;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
