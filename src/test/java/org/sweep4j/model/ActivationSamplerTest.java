package org.sweep4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;

class ActivationSamplerTest {
  private static final double[] X = {-2, -0.5, 0.5, 2};

  @Test
  void samplesTheFunctionAndItsDerivative() {
    double[][] relu = ActivationSampler.sample(ActivationSpec.of(ActivationName.RELU), X, 0.25);
    assertArrayEquals(new double[] {0, 0, 0.5, 2}, relu[0], 1e-6);
    assertArrayEquals(new double[] {0, 0, 1, 1}, relu[1], 1e-6);
    double[][] tanh = ActivationSampler.sample(ActivationSpec.of(ActivationName.TANH), X, 0.25);
    for (int i = 0; i < X.length; i++) {
      assertEquals(Math.tanh(X[i]), tanh[0][i], 1e-6);
      assertEquals(1 - Math.pow(Math.tanh(X[i]), 2), tanh[1][i], 1e-5);
    }
    double[][] prelu = ActivationSampler.sample(ActivationSpec.of(ActivationName.PRELU), X, 0.25);
    assertArrayEquals(new double[] {-0.5, -0.125, 0.5, 2}, prelu[0], 1e-6);
  }

  @Test
  void aGroupActivationGetsTheDiagonalOfItsJacobian() {
    // zero_fit_linear over the group {-2, -0.5, 0.5, 2}: x + 2, slope 1 except at the minimum,
    // which stays 0.
    double[][] zeroFit =
        ActivationSampler.sample(ActivationSpec.of(ActivationName.ZERO_FIT_LINEAR), X, 0.25);
    assertArrayEquals(new double[] {0, 1.5, 2.5, 4}, zeroFit[0], 1e-6);
    assertArrayEquals(new double[] {0, 1, 1, 1}, zeroFit[1], 1e-6);
  }

  @Test
  void everyActivationGivesFiniteCurves() {
    double[] x = java.util.stream.IntStream.range(0, 81).mapToDouble(i -> -4 + 0.1 * i).toArray();
    assertEquals(0.0, x[40], 1e-12);
    for (ActivationName name : ActivationName.values()) {
      double[][] sampled = ActivationSampler.sample(ActivationSpec.of(name), x, 0.25);
      for (int i = 0; i < x.length; i++) {
        assertTrue(
            Double.isFinite(sampled[0][i]) && Double.isFinite(sampled[1][i]), name + " at " + x[i]);
      }
    }
  }
}
