package org.sweep4j.model.activations;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sweep4j.dl4jm2.FastElementwise;

/**
 * An activation applied to each value on its own, given as f and f' in ND4J operations, and
 * optionally as fused oneDNN kernels that training uses wherever they run ({@link #fast()}; the
 * ND4J forms stay the reference, and what gradient checks in double precision compute). Results are
 * written back into the input array, as DL4J's layer workspaces require (a freshly allocated result
 * fails workspace validation).
 */
public abstract class ElementwiseActivation extends BaseActivationFunction {
  private static final long serialVersionUID = 1L;

  /** f(x) as a new array; must not modify {@code x}. */
  protected abstract INDArray value(INDArray x);

  /** f'(x) as a new array; must not modify {@code x}. */
  protected abstract INDArray derivative(INDArray x);

  /** The same function as fused kernels, or null where there are none. */
  protected FastElementwise fast() {
    return null;
  }

  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    FastElementwise fast = fast();
    if (fast != null && fast.forward(in)) {
      return in;
    }
    return in.assign(value(in));
  }

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    FastElementwise fast = fast();
    if (fast != null && fast.backward(in, epsilon)) {
      return new Pair<>(in, null);
    }
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
