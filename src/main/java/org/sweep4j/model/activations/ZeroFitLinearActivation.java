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
    // NHWC maps are handled as NCHW views of themselves: one row per sample and channel.
    boolean permuted = channelsLast && in.rank() == 4;
    INDArray input = permuted ? in.permute(0, 3, 1, 2) : in;
    INDArray outputGradient = permuted ? epsilon.permute(0, 3, 1, 2) : epsilon;
    long[] shape = input.shape();
    long rows = input.rank() == 4 ? shape[0] * shape[1] : shape[0];
    long columns = input.length() / rows;
    INDArray values = input.dup('c').reshape('c', rows, columns);
    INDArray gradient = outputGradient.dup('c').reshape('c', rows, columns);
    INDArray argmin = Nd4j.argMin(values, 1);
    INDArray sums = gradient.sum(1);
    for (long row = 0; row < rows; row++) {
      long column = argmin.getLong(row);
      gradient.putScalar(row, column, gradient.getDouble(row, column) - sums.getDouble(row));
    }
    input.assign(gradient.reshape('c', shape)); // through the view, into in
    return new Pair<>(in, null);
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
