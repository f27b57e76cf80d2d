package org.sweep4j.dl4jm2;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J activation computed by one oneDNN elementwise algorithm wherever {@link OneDnnEltwise} can
 * run, and by the DL4J function itself elsewhere (double precision, views, oneDNN off). M2's own
 * passes take several native calls each, some per element (a {@code std::function} per value in
 * {@code relu_bp}); SELU trained at half ReLU's speed. Unneeded when {@code bench --activation all}
 * shows the DL4J functions within a few percent of this.
 */
public class OneDnnActivation extends BaseActivationFunction {
  private static final long serialVersionUID = 1L;

  private IActivation reference;
  private OneDnnEltwise.Algorithm algorithm;
  private double alpha;
  private double scale;

  /** Made from the fields above on first use (JSON and Java deserialisation skip it). */
  private transient FastElementwise fast;

  /** For JSON deserialisation. */
  public OneDnnActivation() {}

  /**
   * @param reference the DL4J function, for the arrays oneDNN does not take
   * @param algorithm the same function in oneDNN
   * @param alpha its parameter, as oneDNN defines it
   * @param scale a factor on value and derivative (SELU's λ, else 1)
   */
  public OneDnnActivation(
      IActivation reference, OneDnnEltwise.Algorithm algorithm, double alpha, double scale) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.alpha = alpha;
    this.scale = scale;
  }

  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    return fast().forward(in) ? in : reference.getActivation(in, training);
  }

  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    return fast().backward(in, epsilon) ? new Pair<>(in, null) : reference.backprop(in, epsilon);
  }

  private FastElementwise fast() {
    if (fast == null) {
      fast = new OneDnnEltwise(algorithm, (float) alpha, (float) scale);
    }
    return fast;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OneDnnActivation o
        && o.reference.equals(reference)
        && o.algorithm == algorithm
        && o.alpha == alpha
        && o.scale == scale;
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference, algorithm, alpha, scale);
  }

  @Override
  public String toString() {
    return reference.toString();
  }
}
