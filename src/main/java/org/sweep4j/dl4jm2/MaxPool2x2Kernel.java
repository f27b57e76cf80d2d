package org.sweep4j.dl4jm2;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loops of {@link MaxPool2x2InJava} on contiguous NCHW or NHWC arrays, one pair of input rows
 * at a time: a bulk copy of the two rows into a Java array, the window maxima there, a bulk copy of
 * the results back. An NHWC row holds all channels of each column side by side, so its horizontal
 * neighbours lie {@code step} = channels apart instead of 1, and a plane is one image instead of
 * one channel of one image. Copying rows keeps the inner loops on plain arrays, which the JIT
 * compiles without the per-element checks of NIO buffer access. One subclass per element type:
 * floats for training, doubles for gradient checks. The two are the same loops over {@code float[]}
 * and {@code double[]}: Java has no generics over primitives, and boxing would undo the point.
 */
abstract class MaxPool2x2Kernel {
  final int rowPairs;

  /** Elements in one input row. */
  final int width;

  /** Elements in one output row. */
  final int outWidth;

  final int height;

  /** Distance between horizontal neighbours: 1 in NCHW, the channel count in NHWC. */
  final int step;

  /**
   * @param planes NCHW: images × channels; NHWC: images
   * @param step 1 for NCHW, the channel count for NHWC
   */
  MaxPool2x2Kernel(long planes, long height, long columns, int step) {
    this.step = step;
    this.width = Math.toIntExact(columns * step);
    this.height = (int) height;
    this.outWidth = Math.toIntExact(columns / 2 * step);
    this.rowPairs = Math.toIntExact(planes * (height / 2));
  }

  /** For NCHW maps of {@code shape}. */
  static long[] nchw(long[] shape) {
    return new long[] {shape[0] * shape[1], shape[2], shape[3], 1};
  }

  /** For NHWC maps of {@code shape}. */
  static long[] nhwc(long[] shape) {
    return new long[] {shape[0], shape[1], shape[2], shape[3]};
  }

  /** The window maxima of {@code input} into {@code output}, split over {@code threads}. */
  final void forward(INDArray input, INDArray output, int threads) {
    RowPairSplit.run(rowPairs, parts(threads), (from, to) -> forward(input, output, from, to));
  }

  /**
   * Writes every pair of input rows of {@code inputGradient} whole (zero where no window's maximum
   * lies), split over {@code threads}.
   */
  final void backward(
      INDArray input, INDArray outputGradient, INDArray inputGradient, int threads) {
    RowPairSplit.run(
        rowPairs,
        parts(threads),
        (from, to) -> backward(input, outputGradient, inputGradient, from, to));
  }

  /** As many parts as threads, but none under {@link #MIN_PART} input elements. */
  int parts(int threads) {
    long elements = (long) rowPairs * 2 * width;
    return (int) Math.max(1, Math.min(threads, elements / MIN_PART));
  }

  /**
   * Input elements below which a part costs less than handing it to another thread (a few
   * microseconds).
   */
  private static final long MIN_PART = 1L << 15;

  /** Row pairs {@code from} (inclusive) to {@code to} (exclusive) of the forward pass. */
  abstract void forward(INDArray input, INDArray output, int from, int to);

  /** Row pairs {@code from} (inclusive) to {@code to} (exclusive) of the backward pass. */
  abstract void backward(
      INDArray input, INDArray outputGradient, INDArray inputGradient, int from, int to);

  /**
   * Where the {@code pair}-th pair of input rows starts (pairs counted over all planes, odd last
   * rows skipped).
   */
  final int rowPairStart(int pair) {
    int outRowsPerPlane = height / 2;
    int plane = pair / outRowsPerPlane;
    return plane * height * width + 2 * (pair % outRowsPerPlane) * width;
  }

  static final class Floats extends MaxPool2x2Kernel {
    Floats(long[] layout) {
      super(layout[0], layout[1], layout[2], (int) layout[3]);
    }

    @Override
    void forward(INDArray input, INDArray output, int from, int to) {
      FloatBuffer in = input.data().asNioFloat();
      FloatBuffer out = output.data().asNioFloat();
      float[] rows = new float[2 * width];
      float[] maxima = new float[outWidth];
      for (int pair = from; pair < to; pair++) {
        in.get(in.position() + rowPairStart(pair), rows, 0, rows.length);
        for (int col = 0, topLeft = 0, channel = 0; col < outWidth; col++) {
          maxima[col] = rows[argmax(rows, topLeft)];
          // The next channel of the same window column; after the last channel, skip the other
          // column's. (A table
          // of window starts, looked up per element, trained the small CNN about 7% slower.)
          topLeft++;
          if (++channel == step) {
            channel = 0;
            topLeft += step;
          }
        }
        out.put(out.position() + pair * outWidth, maxima, 0, outWidth);
      }
    }

    @Override
    void backward(
        INDArray input, INDArray outputGradient, INDArray inputGradient, int from, int to) {
      FloatBuffer in = input.data().asNioFloat();
      FloatBuffer above = outputGradient.data().asNioFloat();
      FloatBuffer below = inputGradient.data().asNioFloat();
      float[] rows = new float[2 * width];
      float[] gradients = new float[outWidth];
      float[] routed = new float[2 * width];
      for (int pair = from; pair < to; pair++) {
        int start = rowPairStart(pair);
        in.get(in.position() + start, rows, 0, rows.length);
        above.get(above.position() + pair * outWidth, gradients, 0, outWidth);
        Arrays.fill(routed, 0f);
        for (int col = 0, topLeft = 0, channel = 0; col < outWidth; col++) {
          routed[argmax(rows, topLeft)] = gradients[col];
          // The next channel of the same window column; after the last channel, skip the other
          // column's.
          topLeft++;
          if (++channel == step) {
            channel = 0;
            topLeft += step;
          }
        }
        below.put(below.position() + start, routed, 0, routed.length);
      }
    }

    /**
     * Where the first maximum in row order of the window whose top-left element is {@code topLeft}
     * lies in {@code rows} (top row at 0, bottom row at {@code width}): a later element wins only
     * when strictly larger. Which element wins is a coin toss the CPU cannot predict, so this
     * computes it without branches (the same with {@code ?:} took five times as long): see {@link
     * #laterIsLarger}.
     */
    private int argmax(float[] rows, int topLeft) {
      int bottomLeft = width + topLeft;
      int top = topLeft + step * laterIsLarger(rows[topLeft], rows[topLeft + step]);
      int bottom = bottomLeft + step * laterIsLarger(rows[bottomLeft], rows[bottomLeft + step]);
      return top + laterIsLarger(rows[top], rows[bottom]) * (bottom - top);
    }

    /**
     * 1 when {@code later > earlier}, else 0, as the sign bit of their difference: the difference
     * of two distinct finite floats is never zero, and equal ones give +0, so ties keep the earlier
     * element. Differs from {@code >} only for -0 against +0 (the +0 wins) and for NaNs and
     * opposite infinities, whose winner is arbitrary: a NaN need not reach the output, but a
     * network producing NaNs is caught by its NaN loss.
     */
    private static int laterIsLarger(float earlier, float later) {
      return Float.floatToRawIntBits(earlier - later) >>> 31;
    }
  }

  static final class Doubles extends MaxPool2x2Kernel {
    Doubles(long[] layout) {
      super(layout[0], layout[1], layout[2], (int) layout[3]);
    }

    @Override
    void forward(INDArray input, INDArray output, int from, int to) {
      DoubleBuffer in = input.data().asNioDouble();
      DoubleBuffer out = output.data().asNioDouble();
      double[] rows = new double[2 * width];
      double[] maxima = new double[outWidth];
      for (int pair = from; pair < to; pair++) {
        in.get(in.position() + rowPairStart(pair), rows, 0, rows.length);
        for (int col = 0, topLeft = 0, channel = 0; col < outWidth; col++) {
          maxima[col] = rows[argmax(rows, topLeft)];
          // The next channel of the same window column; after the last channel, skip the other
          // column's.
          topLeft++;
          if (++channel == step) {
            channel = 0;
            topLeft += step;
          }
        }
        out.put(out.position() + pair * outWidth, maxima, 0, outWidth);
      }
    }

    @Override
    void backward(
        INDArray input, INDArray outputGradient, INDArray inputGradient, int from, int to) {
      DoubleBuffer in = input.data().asNioDouble();
      DoubleBuffer above = outputGradient.data().asNioDouble();
      DoubleBuffer below = inputGradient.data().asNioDouble();
      double[] rows = new double[2 * width];
      double[] gradients = new double[outWidth];
      double[] routed = new double[2 * width];
      for (int pair = from; pair < to; pair++) {
        int start = rowPairStart(pair);
        in.get(in.position() + start, rows, 0, rows.length);
        above.get(above.position() + pair * outWidth, gradients, 0, outWidth);
        Arrays.fill(routed, 0d);
        for (int col = 0, topLeft = 0, channel = 0; col < outWidth; col++) {
          routed[argmax(rows, topLeft)] = gradients[col];
          // The next channel of the same window column; after the last channel, skip the other
          // column's.
          topLeft++;
          if (++channel == step) {
            channel = 0;
            topLeft += step;
          }
        }
        below.put(below.position() + start, routed, 0, routed.length);
      }
    }

    private int argmax(double[] rows, int topLeft) {
      int bottomLeft = width + topLeft;
      int top = topLeft + step * laterIsLarger(rows[topLeft], rows[topLeft + step]);
      int bottom = bottomLeft + step * laterIsLarger(rows[bottomLeft], rows[bottomLeft + step]);
      return top + laterIsLarger(rows[top], rows[bottom]) * (bottom - top);
    }

    private static int laterIsLarger(double earlier, double later) {
      return (int) (Double.doubleToRawLongBits(earlier - later) >>> 63);
    }
  }
}
