package org.sweep4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The least-squares fit of a response on some columns, as an analysis of variance needs it: the
 * residual sum of squares and the rank of the columns. Columns that add nothing new (an empty cell
 * of an interaction, a level absent from a subset) are dropped by modified Gram-Schmidt, so a
 * rank-deficient design still gives the right residual and degrees of freedom.
 */
record LeastSquares(double residualSumOfSquares, int rank) {
  /** A column whose remainder is this small against its own length adds nothing. */
  private static final double DEPENDENT = 1e-9;

  static LeastSquares fit(List<double[]> columns, double[] response) {
    List<double[]> basis = new ArrayList<>();
    for (double[] column : columns) {
      double[] v = column.clone();
      double length = norm(v);
      orthogonalise(v, basis);
      double remainder = norm(v);
      if (length > 0 && remainder > DEPENDENT * length) {
        for (int i = 0; i < v.length; i++) {
          v[i] /= remainder;
        }
        basis.add(v);
      }
    }
    double[] residual = response.clone();
    orthogonalise(residual, basis);
    double rss = 0;
    for (double r : residual) {
      rss += r * r;
    }
    return new LeastSquares(rss, basis.size());
  }

  /** Removes from v its part in the span of the basis; twice, which is enough in floating point. */
  private static void orthogonalise(double[] v, List<double[]> basis) {
    for (int pass = 0; pass < 2; pass++) {
      for (double[] q : basis) {
        subtractProjection(v, q);
      }
    }
  }

  /** v -= (v·q) q, for a unit vector q. */
  private static void subtractProjection(double[] v, double[] q) {
    double dot = 0;
    for (int i = 0; i < v.length; i++) {
      dot += v[i] * q[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] -= dot * q[i];
    }
  }

  private static double norm(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
