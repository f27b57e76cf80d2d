package org.sweep4j.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.TDistribution;

/** Means, sample standard deviations, Student-t intervals, Welch's t-test and Holm's correction. */
final class Stats {
  /** Two-sided coverage of every interval in the report. */
  static final double LEVEL = 0.95;

  private Stats() {}

  static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Sample standard deviation (n − 1); NaN for fewer than two values. */
  static double sd(List<Double> values) {
    if (values.size() < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.size() - 1));
  }

  /** Half-width of the 95% Student-t interval of the mean; NaN for fewer than two values. */
  static double halfWidth(List<Double> values) {
    int n = values.size();
    return n < 2 ? Double.NaN : tQuantile(n - 1) * sd(values) / Math.sqrt(n);
  }

  /** The t quantile that leaves (1 − LEVEL) / 2 in the upper tail. */
  static double tQuantile(double degreesOfFreedom) {
    return new TDistribution(null, degreesOfFreedom)
        .inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
  }

  /**
   * Welch's two-sample t-test of mean(a) − mean(b): the difference, its 95% interval and two-sided
   * p-value, with the standard error and Welch–Satterthwaite degrees of freedom behind them.
   */
  record Welch(double difference, double low, double high, double p, double se, double df) {
    /**
     * Two one-sided tests of |difference| < delta (equivalence): the larger of the two p-values,
     * each of H0 "the true difference is at or beyond ±delta".
     */
    double equivalenceP(double delta) {
      if (se == 0) {
        return Math.abs(difference) < delta ? 0 : 1;
      }
      TDistribution t = new TDistribution(null, df);
      double belowUpper = t.cumulativeProbability((difference - delta) / se);
      double aboveLower = 1 - t.cumulativeProbability((difference + delta) / se);
      return Math.max(belowUpper, aboveLower);
    }

    /**
     * The smallest true difference this test detects with {@code power} at two-sided {@code alpha}.
     */
    double detectable(double alpha, double power) {
      TDistribution t = new TDistribution(null, df);
      return (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power))
          * se;
    }
  }

  /**
   * Needs two or more values in each sample; identical constant samples give p = 1 (or 0 if they
   * differ).
   */
  static Welch welch(List<Double> a, List<Double> b) {
    return welch(mean(a), sd(a), a.size(), mean(b), sd(b), b.size());
  }

  /** The same from summary statistics: each sample's mean, standard deviation and size. */
  static Welch welch(double meanA, double sdA, int nA, double meanB, double sdB, int nB) {
    if (nA < 2 || nB < 2) {
      throw new IllegalArgumentException(
          "Welch's test needs two or more values per sample, found " + nA + " and " + nB);
    }
    double difference = meanA - meanB;
    double va = sdA * sdA / nA;
    double vb = sdB * sdB / nB;
    double se = Math.sqrt(va + vb);
    if (se == 0) {
      return new Welch(difference, difference, difference, difference == 0 ? 1 : 0, 0, nA + nB - 2);
    }
    // Welch–Satterthwaite degrees of freedom.
    double df = (va + vb) * (va + vb) / (va * va / (nA - 1) + vb * vb / (nB - 1));
    double t = difference / se;
    double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    double half = tQuantile(df) * se;
    return new Welch(difference, difference - half, difference + half, p, se, df);
  }

  /**
   * Seeds per side that decide at {@code delta} whichever way the truth lies, for samples with
   * these standard deviations: enough that a true difference of delta is detected with {@code
   * power} (two-sided {@code alpha}), and that a true difference of 0 is shown equivalent within
   * delta with that power (two one-sided tests at {@code alpha}). Student-t with 2n − 2 degrees of
   * freedom; {@code -1} when more than {@code cap} would be needed.
   */
  static int seedsToDecide(
      double sdA, double sdB, double delta, double alpha, double power, int cap) {
    double variance = sdA * sdA + sdB * sdB;
    for (int n = 2; n <= cap; n++) {
      TDistribution t = new TDistribution(null, 2.0 * n - 2);
      double se = Math.sqrt(variance / n);
      double detect =
          (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power))
              * se;
      double equivalent =
          (t.inverseCumulativeProbability(1 - alpha)
                  + t.inverseCumulativeProbability(1 - (1 - power) / 2))
              * se;
      if (detect <= delta && equivalent <= delta) {
        return n;
      }
    }
    return -1;
  }

  /**
   * Holm's step-down adjustment: the k-th smallest of m p-values is multiplied by (m − k + 1),
   * adjusted values are made non-decreasing in that order and capped at 1. NaN p-values (untestable
   * comparisons) stay NaN and do not count towards m.
   */
  static double[] holm(double[] p) {
    int[] order =
        IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    double running = 0;
    for (int k = 0; k < order.length; k++) {
      running = Math.max(running, Math.min(1, (order.length - k) * p[order[k]]));
      adjusted[order[k]] = running;
    }
    return adjusted;
  }
}
