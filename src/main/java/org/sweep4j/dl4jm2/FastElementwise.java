package org.sweep4j.dl4jm2;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation's forward and backward pass as one or two fused oneDNN kernels, where it can run
 * them: float arrays, both dense in the same layout, oneDNN usable. Each call returns false,
 * leaving the arrays untouched, when it cannot; the activation then takes its ND4J path (double
 * precision for gradient checks, views, oneDNN switched off).
 */
public interface FastElementwise {
  /** f(x) written over {@code x}. */
  boolean forward(INDArray x);

  /** f'(x)·ε written over {@code x}; {@code epsilon} is left as it was. */
  boolean backward(INDArray x, INDArray epsilon);
}
