package org.sweep4j.dl4jm2;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Whether an array's elements fill one gap-free stretch of its buffer in its own order. */
public final class DenseArrays {
  private DenseArrays() {}

  /**
   * True when every dimension longer than 1 has the stride a fresh array of the same shape and
   * order would have. Dimensions of length 1 are skipped: ND4J gives them a stride of 1 in fresh
   * arrays and the row length in reshaped views ([1, n] as [n, 1]), and either is dense.
   */
  public static boolean dense(INDArray array) {
    if (array.length() == 0) {
      return false;
    }
    long[] shape = array.shape();
    long[] stride = array.stride();
    boolean c = array.ordering() == 'c';
    long expected = 1;
    for (int i = 0; i < shape.length; i++) {
      int d = c ? shape.length - 1 - i : i;
      if (shape[d] != 1 && stride[d] != expected) {
        return false;
      }
      expected *= shape[d];
    }
    return true;
  }
}
