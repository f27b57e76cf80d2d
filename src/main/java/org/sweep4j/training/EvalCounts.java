package org.sweep4j.training;

import java.io.Serializable;

/** Sums from scoring a set of images: how many, how many right, and the summed cross-entropy. */
public record EvalCounts(long examples, long correct, double lossSum) implements Serializable {
  public static final EvalCounts ZERO = new EvalCounts(0, 0, 0);

  public EvalCounts plus(EvalCounts other) {
    return new EvalCounts(
        examples + other.examples, correct + other.correct, lossSum + other.lossSum);
  }

  public double accuracy() {
    return examples == 0 ? 0 : (double) correct / examples;
  }

  /** Mean cross-entropy; NaN or infinite when the network's outputs were. */
  public double loss() {
    return examples == 0 ? Double.NaN : lossSum / examples;
  }
}
