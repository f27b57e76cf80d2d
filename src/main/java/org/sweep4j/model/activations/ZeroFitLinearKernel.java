package org.sweep4j.model.activations;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sweep4j.dl4jm2.DenseArrays;

/**
 * zero_fit_linear's two passes as Java loops over dense c-order float arrays seen as [outer,
 * position, inner], one outer slice at a time copied in and out in bulk. ND4J's route (a min
 * reduction over strided axes, a broadcast subtraction; argmin, sum and one native call per group
 * to place the correction) cost the deep CNN several times a ReLU's passes. Returns false, touching
 * nothing, for arrays it does not take (double, views, f order).
 */
final class ZeroFitLinearKernel {
  private final long outer;
  private final int positions;
  private final int inner;

  /** Per-thread scratch: trials side by side each run their own layers. */
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

  ZeroFitLinearKernel(long outer, long positions, long inner) {
    this.outer = outer;
    this.positions = Math.toIntExact(positions);
    this.inner = Math.toIntExact(inner);
  }

  static boolean applies(INDArray... arrays) {
    for (INDArray a : arrays) {
      if (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || !DenseArrays.dense(a)) {
        return false;
      }
    }
    return true;
  }

  /** x − min over each group's positions, in place. */
  void forward(INDArray x) {
    FloatBuffer data = x.data().asNioFloat();
    int slice = positions * inner;
    float[] values = scratch(0, slice);
    float[] minimum = new float[inner];
    for (long o = 0; o < outer; o++) {
      int at = Math.toIntExact(x.offset() + o * slice);
      data.get(at, values, 0, slice);
      minima(values, minimum);
      for (int p = 0; p < positions; p++) {
        int row = p * inner;
        for (int i = 0; i < inner; i++) {
          values[row + i] -= minimum[i];
        }
      }
      data.put(at, values, 0, slice);
    }
  }

  /** ε − [position = the group's first minimum]·Σ ε, written over {@code x}. */
  void backward(INDArray x, INDArray epsilon) {
    FloatBuffer data = x.data().asNioFloat();
    FloatBuffer gradient = epsilon.data().asNioFloat();
    int slice = positions * inner;
    float[] values = scratch(0, slice);
    float[] out = scratch(1, slice);
    float[] minimum = new float[inner];
    float[] sum = new float[inner];
    int[] first = new int[inner];
    for (long o = 0; o < outer; o++) {
      int at = Math.toIntExact(x.offset() + o * slice);
      data.get(at, values, 0, slice);
      gradient.get(Math.toIntExact(epsilon.offset() + o * slice), out, 0, slice);
      minima(values, minimum);
      Arrays.fill(sum, 0f);
      for (int p = 0; p < positions; p++) {
        int row = p * inner;
        for (int i = 0; i < inner; i++) {
          sum[i] += out[row + i];
        }
      }
      // backwards, so the first minimum is the one left
      for (int p = positions - 1; p >= 0; p--) {
        int row = p * inner;
        for (int i = 0; i < inner; i++) {
          first[i] = values[row + i] == minimum[i] ? p : first[i];
        }
      }
      for (int i = 0; i < inner; i++) {
        out[first[i] * inner + i] -= sum[i];
      }
      data.put(at, out, 0, slice);
    }
  }

  /** Each inner index's minimum over the positions of one slice. */
  private void minima(float[] values, float[] minimum) {
    System.arraycopy(values, 0, minimum, 0, inner);
    for (int p = 1; p < positions; p++) {
      int row = p * inner;
      for (int i = 0; i < inner; i++) {
        minimum[i] = Math.min(minimum[i], values[row + i]);
      }
    }
  }

  private static float[] scratch(int which, int length) {
    float[][] buffers = SCRATCH.get();
    if (buffers[which].length < length) {
      buffers[which] = new float[length];
    }
    return buffers[which];
  }
}
