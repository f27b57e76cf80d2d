package org.sweep4j.model.activations;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Heaviside step: 1 for x &gt; 0, else 0. Its gradient is zero everywhere, so nothing below the
 * output layer learns: it is in the sweep to show why an activation needs a useful gradient.
 */
public class StepActivation extends ElementwiseActivation {
  private static final long serialVersionUID = 1L;

  /** In place: one pass each way instead of a new array and a copy. */
  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    return Transforms.step(in, false);
  }

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    return new Pair<>(in.assign(0), null);
  }

  @Override
  protected INDArray value(INDArray x) {
    return Transforms.step(x, true);
  }

  @Override
  protected INDArray derivative(INDArray x) {
    return x.ulike().assign(0);
  }

  @Override
  public String toString() {
    return "step";
  }
}
