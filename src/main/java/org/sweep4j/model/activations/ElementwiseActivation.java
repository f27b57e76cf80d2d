package org.sweep4j.model.activations;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation applied to each value on its own, given as f and f'. Results are written back into
 * the input array, as DL4J's layer workspaces require (a freshly allocated result fails workspace
 * validation).
 */
public abstract class ElementwiseActivation extends BaseActivationFunction {
  private static final long serialVersionUID = 1L;

  /** f(x) as a new array; must not modify {@code x}. */
  protected abstract INDArray value(INDArray x);

  /** f'(x) as a new array; must not modify {@code x}. */
  protected abstract INDArray derivative(INDArray x);

  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    return in.assign(value(in));
  }

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    INDArray gradient = derivative(in).muli(epsilon);
    return new Pair<>(in.assign(gradient), null);
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
