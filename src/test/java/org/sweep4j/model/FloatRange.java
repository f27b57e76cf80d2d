package org.sweep4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Float inputs over the whole range a pre-activation can take: |x| up to 1e4, ±0, subnormals, and
 * the points where naive closed forms overflow (e^x past 88, e^{2x} past 44).
 */
public final class FloatRange {
  private FloatRange() {}

  /** Both signs of every magnitude, zero of both signs, subnormals. */
  public static float[] extremes() {
    double[] magnitudes = {
      0,
      Float.MIN_VALUE,
      1e-40,
      1e-38,
      1e-20,
      1e-7,
      1e-3,
      0.1,
      0.5,
      1,
      2,
      3,
      5,
      10,
      15,
      20,
      22,
      30,
      44,
      45,
      60,
      80,
      88,
      89,
      100,
      500,
      1000,
      5000,
      1e4
    };
    List<Float> values = new ArrayList<>();
    for (double m : magnitudes) {
      values.add((float) m);
      values.add((float) -m);
    }
    float[] xs = new float[values.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = values.get(i);
    }
    return xs;
  }

  /**
   * Finite and within float rounding of a reference computed in double: two units in the last place
   * of 1 (the scale of an activation's inputs and slopes) plus four of the value itself. Tighter
   * would demand more than float32 arithmetic gives: 1 − tanh²(10) is 8e-9 in double and 0 in
   * float, in every framework.
   */
  public static boolean close(float got, double want) {
    return Float.isFinite(got) && Math.abs(got - want) <= 2.5e-7 + 5e-7 * Math.abs(want);
  }
}
