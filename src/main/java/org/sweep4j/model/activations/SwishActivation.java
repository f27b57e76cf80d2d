package org.sweep4j.model.activations;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sweep4j.dl4jm2.FastElementwise;
import org.sweep4j.dl4jm2.OneDnnEltwise;

/**
 * swish(x) = x·σ(x), f'(x) = σ(x)·(1 + x·(1 − σ(x))). Written with σ only, which is finite for
 * every float: DL4J's swish derivative divides exponentials and is NaN from x ≈ 45 in float.
 */
public class SwishActivation extends ElementwiseActivation {
  private static final long serialVersionUID = 1L;

  private static final FastElementwise FAST = OneDnnEltwise.of(OneDnnEltwise.Algorithm.SWISH, 1);

  @Override
  protected FastElementwise fast() {
    return FAST;
  }

  @Override
  protected INDArray value(INDArray x) {
    return Transforms.sigmoid(x, true).muli(x);
  }

  @Override
  protected INDArray derivative(INDArray x) {
    INDArray sigmoid = Transforms.sigmoid(x, true);
    return sigmoid.rsub(1).muli(x).addi(1).muli(sigmoid);
  }

  @Override
  public String toString() {
    return "swish";
  }
}
