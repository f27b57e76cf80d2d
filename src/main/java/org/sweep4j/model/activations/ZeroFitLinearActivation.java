package org.sweep4j.model.activations;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * zero_fit_linear(x) = x − min(x): shifts each group of values so its smallest is zero. A group is one
 * sample's spatial positions of one channel in a conv layer (NCHW input, min over H and W), or one sample's
 * features in a dense layer (min over the features).
 *
 * <p>Gradient: ∂y_i/∂x_j = δ_ij − [j = argmin], so dL/dx_j = ε_j − [j = argmin]·Σ_i ε_i. On ties the first
 * minimum takes the whole correction (min is not differentiable there).
 */
public class ZeroFitLinearActivation extends BaseActivationFunction {
  private static final long serialVersionUID = 1L;

  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    INDArray minimum = in.rank() == 4 ? in.min(true, 2, 3) : in.min(true, 1);
    return in.subi(minimum);
  }

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
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

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return "zero_fit_linear";
  }
}
