package org.sweep4j.model.activations;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sweep4j.dl4jm2.FastElementwise;
import org.sweep4j.dl4jm2.OneDnnEltwise;

/**
 * GELU as Keras and PyTorch compute it: exact x·Φ(x) = 0.5·x·(1 + erf(x/√2)) by default, or the
 * tanh approximation 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). DL4J's own ActivationGELU is
 * neither by default (it computes x·sigmoid(1.702·x)).
 */
public class GeluActivation extends ElementwiseActivation {
  private static final long serialVersionUID = 1L;
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  private static final double CUBIC = 0.044715;
  private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private boolean tanhApproximation;

  /** Exact erf form; the no-argument constructor is also what JSON deserialisation uses. */
  public GeluActivation() {
    this(false);
  }

  public GeluActivation(boolean tanhApproximation) {
    this.tanhApproximation = tanhApproximation;
  }

  public boolean isTanhApproximation() {
    return tanhApproximation;
  }

  private static final FastElementwise ERF = OneDnnEltwise.of(OneDnnEltwise.Algorithm.GELU_ERF);
  private static final FastElementwise TANH = OneDnnEltwise.of(OneDnnEltwise.Algorithm.GELU_TANH);

  @Override
  protected FastElementwise fast() {
    return tanhApproximation ? TANH : ERF;
  }

  @Override
  protected INDArray value(INDArray x) {
    if (tanhApproximation) {
      return tanhInner(x).addi(1).muli(x).muli(0.5);
    }
    return phi(x).muli(x);
  }

  @Override
  protected INDArray derivative(INDArray x) {
    if (tanhApproximation) {
      INDArray t = tanhInner(x);
      INDArray innerSlope = x.mul(x).muli(3 * CUBIC).addi(1).muli(SQRT_2_OVER_PI);
      INDArray secondTerm = t.mul(t).rsubi(1).muli(innerSlope).muli(x).muli(0.5);
      return t.addi(1).muli(0.5).addi(secondTerm);
    }
    // d/dx x·Φ(x) = Φ(x) + x·φ(x)
    INDArray density = Transforms.exp(x.mul(x).muli(-0.5), false).muli(INV_SQRT_2PI).muli(x);
    return phi(x).addi(density);
  }

  /** Φ(x) = 0.5·(1 + erf(x/√2)). */
  private static INDArray phi(INDArray x) {
    INDArray scaled = x.mul(INV_SQRT_2);
    Nd4j.getExecutioner().exec(new Erf(scaled, scaled));
    return scaled.addi(1).muli(0.5);
  }

  private static INDArray tanhInner(INDArray x) {
    INDArray inner = x.mul(x).muli(x).muli(CUBIC).addi(x).muli(SQRT_2_OVER_PI);
    return Transforms.tanh(inner, false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GeluActivation gelu && gelu.tanhApproximation == tanhApproximation;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(tanhApproximation);
  }

  @Override
  public String toString() {
    return tanhApproximation ? "gelu(tanh)" : "gelu(erf)";
  }
}
