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
   * p-value.
   */
  record Welch(double difference, double low, double high, double p) {}

  /**
   * Needs two or more values in each sample; identical constant samples give p = 1 (or 0 if they
   * differ).
   */
  static Welch welch(List<Double> a, List<Double> b) {
    if (a.size() < 2 || b.size() < 2) {
      throw new IllegalArgumentException(
          "Welch's test needs two or more values per sample, found "
              + a.size()
              + " and "
              + b.size());
    }
    double difference = mean(a) - mean(b);
    double va = Math.pow(sd(a), 2) / a.size();
    double vb = Math.pow(sd(b), 2) / b.size();
    double se = Math.sqrt(va + vb);
    if (se == 0) {
      return new Welch(difference, difference, difference, difference == 0 ? 1 : 0);
    }
    // Welch–Satterthwaite degrees of freedom.
    double df = (va + vb) * (va + vb) / (va * va / (a.size() - 1) + vb * vb / (b.size() - 1));
    double t = difference / se;
    double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    double half = tQuantile(df) * se;
    return new Welch(difference, difference - half, difference + half, p);
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
