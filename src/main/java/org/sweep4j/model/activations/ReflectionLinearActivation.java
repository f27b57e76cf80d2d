package org.sweep4j.model.activations;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sweep4j.dl4jm2.FastElementwise;
import org.sweep4j.dl4jm2.OneDnnEltwise;

/** reflection_linear(x) = |x|; f'(x) = sign(x) (0 at 0). */
public class ReflectionLinearActivation extends ElementwiseActivation {
  private static final long serialVersionUID = 1L;

  private static final FastElementwise FAST = OneDnnEltwise.of(OneDnnEltwise.Algorithm.ABS);

  @Override
  protected FastElementwise fast() {
    return FAST;
  }

  @Override
  protected INDArray value(INDArray x) {
    return Transforms.abs(x, true);
  }

  @Override
  protected INDArray derivative(INDArray x) {
    return Transforms.sign(x, true);
  }

  @Override
  public String toString() {
    return "reflection_linear";
  }
}
