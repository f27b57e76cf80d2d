package org.sweep4j.report;

/** An activation function sampled for the gallery: f(x) and f′(x) at the points x. */
public record ActivationCurve(
    String activation, String note, double[] x, double[] f, double[] derivative) {
  public ActivationCurve {
    if (x.length != f.length || x.length != derivative.length || x.length < 2) {
      throw new IllegalArgumentException(
          activation
              + ": "
              + x.length
              + " points, "
              + f.length
              + " values, "
              + derivative.length
              + " derivatives");
    }
  }
}
