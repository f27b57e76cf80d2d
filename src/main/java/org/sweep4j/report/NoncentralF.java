package org.sweep4j.report;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The noncentral F distribution, for the interval of a partial η²: the noncentrality λ whose F
 * distribution puts the observed F at the interval's tail probabilities, converted to η² = λ / (λ +
 * df1 + df2 + 1) (Steiger 2004, "Beyond the F test").
 */
final class NoncentralF {
  private static final int MAX_TERMS = 100_000;

  private NoncentralF() {}

  /**
   * P(F ≤ f) for F with {@code df1}, {@code df2} degrees of freedom and noncentrality {@code
   * lambda}: a Poisson(λ/2) mixture of regularized incomplete beta functions.
   */
  static double cdf(double f, double df1, double df2, double lambda) {
    if (f <= 0) {
      return 0;
    }
    double x = df1 * f / (df1 * f + df2);
    double half = lambda / 2;
    if (half == 0) {
      return Beta.regularizedBeta(x, df1 / 2, df2 / 2);
    }
    // Sum outwards from the Poisson mode, where the weights are largest, until they vanish.
    int mode = (int) Math.floor(half);
    double total = 0;
    for (int direction : new int[] {1, -1}) {
      for (int j = direction == 1 ? mode : mode - 1;
          j >= 0 && j < mode + MAX_TERMS;
          j += direction) {
        double weight = Math.exp(-half + j * Math.log(half) - Gamma.logGamma(j + 1.0));
        total += weight * Beta.regularizedBeta(x, df1 / 2 + j, df2 / 2);
        if (weight < 1e-14 && Math.abs(j - mode) > 10) {
          break;
        }
      }
    }
    return Math.min(1, total);
  }

  /**
   * The {@code level} interval of partial η² for an observed {@code f}: [low, high], low 0 when
   * even λ = 0 puts f below the upper tail.
   */
  static double[] partialEtaSquaredInterval(double f, int df1, int df2, double level) {
    if (!Double.isFinite(f) || df1 < 1 || df2 < 1) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double tail = (1 - level) / 2;
    double lowLambda = lambdaWhere(f, df1, df2, 1 - tail);
    double highLambda = lambdaWhere(f, df1, df2, tail);
    return new double[] {eta(lowLambda, df1, df2), eta(highLambda, df1, df2)};
  }

  private static double eta(double lambda, int df1, int df2) {
    return lambda / (lambda + df1 + df2 + 1);
  }

  /** The λ with cdf(f; λ) = p (the cdf falls as λ grows); 0 when cdf(f; 0) is already below p. */
  private static double lambdaWhere(double f, int df1, int df2, double p) {
    if (cdf(f, df1, df2, 0) <= p) {
      return 0;
    }
    double low = 0;
    double high = Math.max(1, f * df1);
    while (cdf(f, df1, df2, high) > p) {
      low = high;
      high *= 2;
    }
    for (int i = 0; i < 200 && high - low > 1e-10 * Math.max(1, high); i++) {
      double middle = (low + high) / 2;
      if (cdf(f, df1, df2, middle) > p) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return (low + high) / 2;
  }
}
