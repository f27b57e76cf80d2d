package org.sweep4j.dl4jm2;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The three oneDNN convolution primitives of one layer at one minibatch size, on channels-last
 * (NHWC) float data: forward, backward to the weights and bias, backward to the input. Activations
 * and their gradients stay in NHWC, which oneDNN's AVX2 kernels read and write directly; only the
 * weights, a few thousand numbers, are reordered between DL4J's [out, in, kh, kw] and oneDNN's
 * blocked layout. Arrays are bound to the primitives' memory objects call by call, so nothing is
 * copied. Not thread-safe: each layer instance has its own.
 */
final class ConvPrimitives {
  private final stream stream;

  /**
   * Everything oneDNN objects point to: JavaCPP frees native objects when their Java peers are
   * collected.
   */
  private final List<Pointer> keep = new ArrayList<>();

  private final memory src;
  private final memory dst;
  private final memory userWeights;
  private final memory bias;
  private final memory diffDst;
  private final memory diffSrc;
  private final memory userDiffWeights;
  private final memory diffBias;

  /** The layouts and primitive descriptors the memories and primitives below were made from. */
  private final ConvDescriptors descriptors;

  private final Step forward;
  private final Step backwardWeights;
  private final Step backwardData;
  private long scratchpadBytes;

  /**
   * @param shape input [n, h, w, c] and output [n, oh, ow, oc] sizes as {n, c, h, w, oc, oh, ow}
   * @param kernel kernel height and width
   * @param stride strides
   * @param padBegin top and left padding
   * @param padEnd bottom and right padding
   */
  ConvPrimitives(long[] shape, long[] kernel, long[] stride, long[] padBegin, long[] padEnd) {
    stream = hold(new stream(OneDnn.engine()));
    ConvDescriptors d = new ConvDescriptors(shape, kernel, stride, padBegin, padEnd);
    descriptors = d;
    src = unbound(d.src());
    dst = unbound(d.dst());
    userWeights = unbound(d.userWeights());
    bias = unbound(d.bias());
    diffDst = unbound(d.dst());
    diffSrc = unbound(d.src());
    userDiffWeights = unbound(d.userWeights());
    diffBias = unbound(d.bias());
    forward = forwardStep(d);
    backwardWeights = backwardWeightsStep(d);
    backwardData = backwardDataStep(d);
  }

  private Step forwardStep(ConvDescriptors d) {
    memory weights = weightsIn(d.forward().weights_desc(), userWeights);
    IntMemoryMap args =
        args(
            DNNL_ARG_SRC,
            src,
            DNNL_ARG_WEIGHTS,
            weights,
            DNNL_ARG_BIAS,
            bias,
            DNNL_ARG_DST,
            dst,
            DNNL_ARG_SCRATCHPAD,
            scratchpad(d.forward().scratchpad_desc()));
    return new Step(
        new convolution_forward(d.forward()), args, reorderOrNull(userWeights, weights), null);
  }

  private Step backwardWeightsStep(ConvDescriptors d) {
    memory diffWeights = weightsIn(d.backwardWeights().diff_weights_desc(), userDiffWeights);
    IntMemoryMap args =
        args(
            DNNL_ARG_SRC,
            src,
            DNNL_ARG_DIFF_DST,
            diffDst,
            DNNL_ARG_DIFF_WEIGHTS,
            diffWeights,
            DNNL_ARG_DIFF_BIAS,
            diffBias,
            DNNL_ARG_SCRATCHPAD,
            scratchpad(d.backwardWeights().scratchpad_desc()));
    return new Step(
        new convolution_backward_weights(d.backwardWeights()),
        args,
        null,
        reorderOrNull(diffWeights, userDiffWeights));
  }

  private Step backwardDataStep(ConvDescriptors d) {
    memory weights = weightsIn(d.backwardData().weights_desc(), userWeights);
    IntMemoryMap args =
        args(
            DNNL_ARG_DIFF_DST,
            diffDst,
            DNNL_ARG_WEIGHTS,
            weights,
            DNNL_ARG_DIFF_SRC,
            diffSrc,
            DNNL_ARG_SCRATCHPAD,
            scratchpad(d.backwardData().scratchpad_desc()));
    return new Step(
        new convolution_backward_data(d.backwardData()),
        args,
        reorderOrNull(userWeights, weights),
        null);
  }

  /** output = conv(input, weights) + bias; all contiguous, input and output NHWC. */
  void forward(INDArray input, INDArray weights, INDArray biasArray, INDArray output) {
    bind(src, input);
    bind(userWeights, weights);
    bind(bias, biasArray);
    bind(dst, output);
    forward.run();
  }

  /**
   * Gradients of the loss with respect to the weights and bias, from the input and the gradient at
   * the output (pre-activation); written into DL4J's gradient views.
   */
  void backwardWeights(
      INDArray input, INDArray outputGradient, INDArray weightGradient, INDArray biasGradient) {
    bind(src, input);
    bind(diffDst, outputGradient);
    bind(userDiffWeights, weightGradient);
    bind(diffBias, biasGradient);
    backwardWeights.run();
  }

  /** Gradient at the input, NHWC, from the gradient at the output. */
  void backwardData(INDArray outputGradient, INDArray weights, INDArray inputGradient) {
    bind(diffDst, outputGradient);
    bind(userWeights, weights);
    bind(diffSrc, inputGradient);
    backwardData.run();
  }

  /**
   * A primitive with the weight reorders that go before or after it (null where none is needed).
   */
  private final class Step {
    private final primitive primitive;
    private final IntMemoryMap args;
    private final Reorder before;
    private final Reorder after;

    Step(primitive primitive, IntMemoryMap args, Reorder before, Reorder after) {
      this.primitive = hold(primitive);
      this.args = args;
      this.before = before;
      this.after = after;
    }

    void run() {
      if (before != null) {
        before.run(stream);
      }
      primitive.execute(stream, args);
      if (after != null) {
        after.run(stream);
      }
      stream._wait();
    }
  }

  private record Reorder(reorder primitive, IntMemoryMap args) {
    void run(stream stream) {
      primitive.execute(stream, args);
    }
  }

  /**
   * A reorder from {@code from} to {@code to}, or null when both have the same layout (the
   * primitive uses DL4J's).
   */
  private Reorder reorderOrNull(memory from, memory to) {
    if (from == to) {
      return null;
    }
    reorder.primitive_desc pd =
        hold(new reorder.primitive_desc(from, to, descriptors.ownScratchpad(), false));
    IntMemoryMap args =
        args(
            DNNL_ARG_FROM,
            from,
            DNNL_ARG_TO,
            to,
            DNNL_ARG_SCRATCHPAD,
            scratchpad(pd.scratchpad_desc()));
    return new Reorder(hold(new reorder(pd)), args);
  }

  /** The primitive's own scratchpad, as its attributes ask (see {@link ConvDescriptors}). */
  private memory scratchpad(memory.desc desc) {
    scratchpadBytes += desc.get_size();
    return hold(new memory(hold(desc), OneDnn.engine()));
  }

  /** Bytes of scratchpad the layer's primitives asked for, all together. */
  long scratchpadBytes() {
    return scratchpadBytes;
  }

  /**
   * {@code user} itself when the primitive takes DL4J's layout, else a scratch memory in the
   * primitive's.
   */
  private memory weightsIn(memory.desc wanted, memory user) {
    hold(wanted);
    return wanted.equals(hold(user.get_desc())) ? user : hold(new memory(wanted, OneDnn.engine()));
  }

  /** A memory object whose data handle is set to an INDArray before every use. */
  private memory unbound(memory.desc desc) {
    return hold(new memory(desc, OneDnn.engine(), new Pointer()));
  }

  private IntMemoryMap args(Object... pairs) {
    IntMemoryMap map = hold(new IntMemoryMap());
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((Integer) pairs[i], (memory) pairs[i + 1]);
    }
    return map;
  }

  private static void bind(memory memory, INDArray array) {
    memory.set_data_handle(OneDnn.address(array));
  }

  private <T extends Pointer> T hold(T pointer) {
    keep.add(pointer);
    return pointer;
  }
}
