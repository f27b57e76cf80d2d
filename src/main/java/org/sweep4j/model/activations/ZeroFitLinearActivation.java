package org.sweep4j.model.activations;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sweep4j.dl4jm2.ZeroFitLinearOnOneDnn;

/**
 * zero_fit_linear(x) = x − min(x): shifts each group of values so its smallest is zero. A group is
 * one sample's spatial positions of one channel in a conv layer (min over H and W, of NCHW maps or,
 * when {@code channelsLast}, NHWC ones), or one sample's features in a dense layer (min over the
 * features).
 *
 * <p>Gradient: ∂y_i/∂x_j = δ_ij − [j = argmin], so dL/dx_j = ε_j − [j = argmin]·Σ_i ε_i. On ties
 * the first minimum takes the whole correction (min is not differentiable there).
 */
public class ZeroFitLinearActivation extends BaseActivationFunction {
  private static final long serialVersionUID = 1L;

  private boolean channelsLast;

  /** For NCHW maps; the no-argument constructor is also what JSON deserialisation uses. */
  public ZeroFitLinearActivation() {
    this(false);
  }

  public ZeroFitLinearActivation(boolean channelsLast) {
    this.channelsLast = channelsLast;
  }

  /** Whether rank-4 inputs are NHWC maps (else NCHW). */
  public boolean isChannelsLast() {
    return channelsLast;
  }

  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    if (onOneDnn(in).forward(in)) {
      return in;
    }
    INDArray minimum =
        in.rank() != 4 ? in.min(true, 1) : channelsLast ? in.min(true, 1, 2) : in.min(true, 2, 3);
    return in.subi(minimum);
  }

  /**
   * Every layout as [outer, position, inner] with one group per (outer, inner) pair, without
   * copying: NHWC maps as [sample, position, channel], NCHW maps as [sample × channel, position,
   * 1], dense rows as [sample, feature, 1]. The minimum and the sum run over the positions; the
   * correction lands at each group's first minimum. Dense float arrays take oneDNN's pooling
   * ({@link ZeroFitLinearOnOneDnn}); the rest (double precision for gradient checks, oneDNN off)
   * ND4J's ops.
   */
  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    if (onOneDnn(in).backward(in, epsilon)) {
      return new Pair<>(in, null);
    }
    long outer = outer(in);
    long inner = inner(in);
    long positions = in.length() / (outer * inner);
    INDArray argmin = Nd4j.argMin(in.reshape('c', outer, positions, inner), 1); // [outer, inner]
    INDArray sums = epsilon.reshape('c', outer, positions, inner).sum(1);
    INDArray gradient = in.assign(epsilon); // the values are no longer needed
    for (long group = 0; group < outer; group++) {
      for (long i = 0; i < inner; i++) {
        long at = (group * positions + argmin.getLong(group, i)) * inner + i;
        gradient.putScalar(at, gradient.getDouble(at) - sums.getDouble(group, i));
      }
    }
    return new Pair<>(gradient, null);
  }

  private ZeroFitLinearOnOneDnn onOneDnn(INDArray in) {
    long outer = outer(in);
    long inner = inner(in);
    return new ZeroFitLinearOnOneDnn(outer, in.length() / (outer * inner), inner);
  }

  /** Groups: samples (NHWC maps, dense rows) or samples × channels (NCHW maps). */
  private long outer(INDArray in) {
    long[] shape = in.shape();
    return in.rank() != 4 || channelsLast ? shape[0] : shape[0] * shape[1];
  }

  /** Channels side by side within a position: NHWC maps only. */
  private long inner(INDArray in) {
    return in.rank() == 4 && channelsLast ? in.size(3) : 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ZeroFitLinearActivation zeroFit && zeroFit.channelsLast == channelsLast;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(channelsLast);
  }

  @Override
  public String toString() {
    return "zero_fit_linear";
  }
}
