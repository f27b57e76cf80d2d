package org.sweep4j.model.activations;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sweep4j.dl4jm2.FastElementwise;
import org.sweep4j.dl4jm2.OneDnnEltwise;

/**
 * mish(x) = x·tanh(softplus(x)), f'(x) = t + x·σ(x)·(1 − t²) with t = tanh(softplus(x)).
 *
 * <p>t is computed as n/(n + 2) with n = e^x·(e^x + 2), which is exact algebra and keeps its
 * relative accuracy for very negative x (where float log1p and tanh lose it). x is capped at 20
 * inside the exponential, past which t is 1 in float anyway, so nothing overflows: DL4J's mish
 * derivative is NaN from x ≈ 30 in float.
 */
public class MishActivation extends ElementwiseActivation {
  private static final long serialVersionUID = 1L;
  private static final double SATURATED = 20;

  private static final FastElementwise FAST = OneDnnEltwise.of(OneDnnEltwise.Algorithm.MISH);

  @Override
  protected FastElementwise fast() {
    return FAST;
  }

  @Override
  protected INDArray value(INDArray x) {
    return tanhOfSoftplus(x).muli(x);
  }

  @Override
  protected INDArray derivative(INDArray x) {
    INDArray t = tanhOfSoftplus(x);
    INDArray slope = t.mul(t).rsubi(1).muli(Transforms.sigmoid(x, true)).muli(x);
    return t.addi(slope);
  }

  private static INDArray tanhOfSoftplus(INDArray x) {
    INDArray e = Transforms.exp(Transforms.min(x, SATURATED, true), false);
    INDArray n = e.add(2).muli(e);
    INDArray denominator = n.add(2);
    return n.divi(denominator);
  }

  @Override
  public String toString() {
    return "mish";
  }
}
