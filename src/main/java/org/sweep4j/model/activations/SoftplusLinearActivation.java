package org.sweep4j.model.activations;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sweep4j.dl4jm2.FastElementwise;
import org.sweep4j.dl4jm2.SoftplusLinearOnOneDnn;

/**
 * softplus_linear(x) = 2·softplus(x) for x ≤ 0 and x + 2·ln 2 for x &gt; 0: continuous, with slope
 * 1 at 0 from both sides (2·sigmoid(0) = 1). f'(x) = 2·sigmoid(x) for x ≤ 0, 1 for x &gt; 0.
 */
public class SoftplusLinearActivation extends ElementwiseActivation {
  private static final long serialVersionUID = 1L;
  private static final double TWO_LN_2 = 2 * Math.log(2);

  private static final FastElementwise FAST = new SoftplusLinearOnOneDnn();

  @Override
  protected FastElementwise fast() {
    return FAST;
  }

  @Override
  protected INDArray value(INDArray x) {
    INDArray positive = Transforms.step(x, true);
    INDArray linear = x.add(TWO_LN_2).muli(positive);
    INDArray curved =
        Transforms.softPlus(Transforms.min(x, 0.0, true), false).muli(2).muli(positive.rsub(1));
    return linear.addi(curved);
  }

  @Override
  protected INDArray derivative(INDArray x) {
    INDArray positive = Transforms.step(x, true);
    INDArray curved =
        Transforms.sigmoid(Transforms.min(x, 0.0, true), false).muli(2).muli(positive.rsub(1));
    return curved.addi(positive);
  }

  @Override
  public String toString() {
    return "softplus_linear";
  }
}
