package org.sweep4j.report;

import java.util.List;

/** Mean and sample standard deviation. */
final class Stats {
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
}
