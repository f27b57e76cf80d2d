package org.sweep4j.report;

import java.util.List;

/**
 * A mean across seeds with its sample standard deviation and the half-width of its 95% Student-t
 * interval (both NaN for a single seed).
 */
public record Estimate(double mean, double sd, double halfWidth, int n) {

  static Estimate of(List<Double> values) {
    return new Estimate(
        Stats.mean(values), Stats.sd(values), Stats.halfWidth(values), values.size());
  }

  public double low() {
    return mean - halfWidth;
  }

  public double high() {
    return mean + halfWidth;
  }
}
