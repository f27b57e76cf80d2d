package org.sweep4j.dl4jm2;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's ReLU with a faster backward pass. DL4J's {@code relu_bp} calls a {@code std::function} per
 * element and allocates its result; on the small CNN that was 9% of a training step. Here the
 * derivative is ND4J's vectorised step op (1 where x &gt; 0, else 0) times the incoming gradient,
 * written into the input array like the other activations of this package. Same gradients, except
 * that a gradient stopped at x &le; 0 is -0 rather than +0 where the incoming one is negative,
 * which no sum or update can tell apart.
 */
public class ReluActivation extends ActivationReLU {
  private static final long serialVersionUID = 1L;

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    return new Pair<>(Transforms.step(in, false).muli(epsilon), null);
  }

  @Override
  public String toString() {
    return "relu";
  }
}
