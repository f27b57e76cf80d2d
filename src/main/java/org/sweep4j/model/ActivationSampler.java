package org.sweep4j.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sweep4j.config.ActivationSpec;

/**
 * Evaluates a hidden activation and its derivative at given points with the very DL4J code the
 * networks run (forward and backprop of the {@link IActivation}), for the report's activation
 * gallery.
 */
public final class ActivationSampler {
  private ActivationSampler() {}

  /**
   * Values {f(x), f′(x)} at each x, f′ being the diagonal of the Jacobian, ∂f(x)_i / ∂x_i. The
   * points are one [1, n] input, so an activation that is not elementwise ({@code zero_fit_linear}
   * shifts a group by its minimum) sees them as one group; backpropagating one unit vector per
   * point keeps its derivative exact there too, where a vector of ones would sum the whole Jacobian
   * row into the minimum's entry. PReLU's slopes are learned per channel: it is drawn with {@code
   * preluSlope}.
   */
  public static double[][] sample(ActivationSpec spec, double[] x, double preluSlope) {
    IActivation function =
        HiddenActivations.isLayer(spec)
            ? new ActivationLReLU(preluSlope)
            : HiddenActivations.create(spec);
    INDArray in = Nd4j.createFromArray(new double[][] {x}).castTo(DataType.FLOAT);
    INDArray f = function.getActivation(in.dup(), false);
    double[] derivative = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      INDArray unit = Nd4j.zerosLike(in);
      unit.putScalar(0, i, 1);
      Pair<INDArray, INDArray> gradients = function.backprop(in.dup(), unit);
      derivative[i] = gradients.getFirst().getDouble(0, i);
    }
    return new double[][] {f.castTo(DataType.DOUBLE).ravel().toDoubleVector(), derivative};
  }
}
