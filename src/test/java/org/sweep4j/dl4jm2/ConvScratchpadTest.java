package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's convolution primitives are made on the task thread of its first epoch and run on
 * whichever thread a later epoch gets. They must compute the same there, on a thread that never
 * made a primitive, as on the thread that made them.
 */
class ConvScratchpadTest {
  /** {n, c, h, w, oc, oh, ow}, kernel 3×3, stride 1, padding: the seed architectures' layers. */
  private static final long[][] LAYERS = {
    {100, 3, 32, 32, 32, 30, 30, 0},
    {100, 32, 15, 15, 64, 13, 13, 0},
    {64, 32, 32, 32, 64, 32, 32, 1},
  };

  @Test
  void primitivesMadeOnOneThreadComputeTheSameOnAnother() throws Exception {
    assumeTrue(OneDnn.usable(DataType.FLOAT), "oneDNN does not load here");
    long scratchpad = 0;
    for (long[] layer : LAYERS) {
      long[] shape = java.util.Arrays.copyOf(layer, 7);
      long pad = layer[7];
      ConvPrimitives primitives =
          new ConvPrimitives(
              shape,
              new long[] {3, 3},
              new long[] {1, 1},
              new long[] {pad, pad},
              new long[] {pad, pad});
      scratchpad += primitives.scratchpadBytes();
      Nd4j.getRandom().setSeed(7);
      INDArray input = Nd4j.rand(DataType.FLOAT, shape[0], shape[2], shape[3], shape[1]).subi(0.5);
      INDArray weights = Nd4j.rand(DataType.FLOAT, shape[4], shape[1], 3, 3).subi(0.5);
      INDArray bias = Nd4j.rand(DataType.FLOAT, shape[4]);
      INDArray outputGradient =
          Nd4j.rand(DataType.FLOAT, shape[0], shape[5], shape[6], shape[4]).subi(0.5);
      INDArray[] here = run(primitives, input, weights, bias, outputGradient);
      ExecutorService other = Executors.newSingleThreadExecutor();
      try {
        Future<INDArray[]> there =
            other.submit(() -> run(primitives, input, weights, bias, outputGradient));
        INDArray[] elsewhere = there.get();
        for (int i = 0; i < here.length; i++) {
          assertEquals(
              here[i],
              elsewhere[i],
              "result " + i + " of layer " + java.util.Arrays.toString(layer));
        }
      } finally {
        other.shutdownNow();
      }
    }
    System.out.println("scratchpad bytes of the layers' primitives: " + scratchpad);
  }

  private static INDArray[] run(
      ConvPrimitives primitives,
      INDArray input,
      INDArray weights,
      INDArray bias,
      INDArray outputGradient) {
    long[] in = input.shape();
    long[] out = outputGradient.shape();
    INDArray output = Nd4j.create(DataType.FLOAT, out);
    INDArray weightGradient = Nd4j.create(DataType.FLOAT, weights.shape());
    INDArray biasGradient = Nd4j.create(DataType.FLOAT, bias.shape());
    INDArray inputGradient = Nd4j.create(DataType.FLOAT, in);
    primitives.forward(input, weights, bias, output);
    primitives.backwardWeights(input, outputGradient, weightGradient, biasGradient);
    primitives.backwardData(outputGradient, weights, inputGradient);
    return new INDArray[] {output, weightGradient, biasGradient, inputGradient};
  }
}
