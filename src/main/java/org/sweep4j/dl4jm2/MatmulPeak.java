package org.sweep4j.dl4jm2;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.matmul;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's fp32 limit as training code can reach it: GFLOP/s of one large square matrix
 * product on oneDNN's matmul (the library and the threads the convolutions use), best of a few
 * timed runs after warm-up. A bench mode's achieved GFLOP/s as a share of this says how much of the
 * machine the training loop leaves on the table.
 */
public final class MatmulPeak {
  private MatmulPeak() {}

  /**
   * @param size the matrices' side; 2048 (16 MiB each) is past every cache and small enough to time
   *     in a second
   * @param threads native threads, as the bench's single mode uses
   * @throws IllegalStateException where oneDNN does not load
   */
  public static double gflops(int size, int threads) {
    if (!OneDnn.usable(DataType.FLOAT)) {
      throw new IllegalStateException("peak: oneDNN is not usable on this machine");
    }
    NativeThreads.set(threads);
    List<Pointer> keep = new ArrayList<>();
    INDArray a = Nd4j.rand(DataType.FLOAT, size, size);
    INDArray b = Nd4j.rand(DataType.FLOAT, size, size);
    INDArray c = Nd4j.createUninitialized(DataType.FLOAT, size, size);
    memory.desc square =
        keep(
            keep,
            new memory.desc(new long[] {size, size}, memory.data_type.f32, memory.format_tag.ab));
    matmul product =
        keep(
            keep,
            new matmul(
                keep(
                    keep,
                    new matmul.primitive_desc(
                        keep(keep, new matmul.desc(square, square, square)), OneDnn.engine()))));
    IntMemoryMap args = keep(keep, new IntMemoryMap());
    args.put(DNNL_ARG_SRC, keep(keep, new memory(square, OneDnn.engine(), OneDnn.address(a))));
    args.put(DNNL_ARG_WEIGHTS, keep(keep, new memory(square, OneDnn.engine(), OneDnn.address(b))));
    args.put(DNNL_ARG_DST, keep(keep, new memory(square, OneDnn.engine(), OneDnn.address(c))));
    stream stream = keep(keep, new stream(OneDnn.engine()));
    double best = Double.MAX_VALUE;
    for (int run = 0; run < 6; run++) {
      long start = System.nanoTime();
      product.execute(stream, args);
      stream._wait();
      double seconds = (System.nanoTime() - start) / 1e9;
      best = run == 0 ? best : Math.min(best, seconds); // the first run warms up
    }
    java.lang.ref.Reference.reachabilityFence(a); // oneDNN read their memory until here
    java.lang.ref.Reference.reachabilityFence(b);
    java.lang.ref.Reference.reachabilityFence(c);
    return 2.0 * size * size * size / best / 1e9;
  }

  private static <T extends Pointer> T keep(List<Pointer> keep, T pointer) {
    keep.add(pointer);
    return pointer;
  }
}
