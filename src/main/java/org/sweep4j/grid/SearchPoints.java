package org.sweep4j.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.sweep4j.config.AxisValues;
import org.sweep4j.config.SampledSetting;
import org.sweep4j.config.SearchSpec;

/**
 * The points a search draws, each a narrowing that gives every sampled setting one value. Point i
 * depends only on the method, the seed and i: random search gives each point its own split of one
 * seeded stream; Sobol search takes point i of the Sobol sequence (from index 0, so the first 2^k
 * points stratify every setting into 2^k equal parts) under a digital shift, an XOR of each
 * coordinate's bits with a mask drawn from the seed, which keeps that stratification.
 */
final class SearchPoints {
  private static final double TWO_TO_52 = 0x1p52;

  private SearchPoints() {}

  static List<AxisValues> draw(SearchSpec search) {
    List<AxisValues> points = new ArrayList<>();
    for (double[] u : unitPoints(search)) {
      AxisValues point = AxisValues.NONE;
      for (int k = 0; k < u.length; k++) {
        SampledSetting setting = search.settings().get(k);
        point = point.withNumber(setting.axis(), setting.value(u[k]));
      }
      points.add(point);
    }
    return points;
  }

  /** The search's points in the unit cube, one coordinate per sampled setting. */
  static List<double[]> unitPoints(SearchSpec search) {
    int dimensions = search.settings().size();
    List<double[]> points = new ArrayList<>();
    if (search.method() == SearchSpec.Method.RANDOM) {
      SplittableRandom streams = new SplittableRandom(search.seed());
      for (int i = 0; i < search.samples(); i++) {
        SplittableRandom point = streams.split();
        double[] u = new double[dimensions];
        for (int k = 0; k < dimensions; k++) {
          u[k] = point.nextDouble();
        }
        points.add(u);
      }
      return points;
    }
    SplittableRandom shifts = new SplittableRandom(search.seed());
    long[] masks = new long[dimensions];
    for (int k = 0; k < dimensions; k++) {
      masks[k] = shifts.nextLong() >>> 12; // 52 bits, a double's fraction
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimensions);
    for (int i = 0; i < search.samples(); i++) {
      double[] x = sobol.nextVector();
      for (int k = 0; k < dimensions; k++) {
        x[k] = (((long) (x[k] * TWO_TO_52)) ^ masks[k]) / TWO_TO_52;
      }
      points.add(x);
    }
    return points;
  }
}
