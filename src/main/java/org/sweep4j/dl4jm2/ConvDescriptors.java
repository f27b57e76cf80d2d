package org.sweep4j.dl4jm2;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.javacpp.Pointer;

/**
 * oneDNN's descriptions of one convolution layer at one minibatch size: the memory layouts (NHWC
 * activations, DL4J's [out, in, kh, kw] weights, and {@code any} weights so each primitive may pick
 * its blocked layout) and the three primitive descriptors, the backward ones hinted by the forward
 * one. A {@link Pointer} itself, holding every native object it made until it is collected.
 *
 * <p>Every primitive takes its scratchpad from its caller ({@code scratchpad_mode user}). In
 * oneDNN's default mode a primitive borrows a scratchpad kept per thread, sized by the primitives
 * created on that thread; a layer's primitives are made on the task thread of its first epoch and
 * run on whichever thread a later epoch gets, which oneDNN only supports when built for concurrent
 * execution. The buffer it borrowed could then be too small, or another trial's.
 */
final class ConvDescriptors extends Pointer {
  private final List<Pointer> keep = new ArrayList<>();
  private final memory.desc src;
  private final memory.desc dst;
  private final memory.desc userWeights;
  private final memory.desc bias;
  private final convolution_forward.primitive_desc forward;
  private final convolution_backward_weights.primitive_desc backwardWeights;
  private final convolution_backward_data.primitive_desc backwardData;
  private final primitive_attr ownScratchpad;

  /**
   * @param shape input [n, h, w, c] and output [n, oh, ow, oc] sizes as {n, c, h, w, oc, oh, ow}
   */
  ConvDescriptors(long[] shape, long[] kernel, long[] stride, long[] padBegin, long[] padEnd) {
    engine engine = OneDnn.engine();
    ownScratchpad = hold(new primitive_attr());
    ownScratchpad.set_scratchpad_mode(dnnl.scratchpad_mode.user);
    long[] weightDims = {shape[4], shape[1], kernel[0], kernel[1]};
    src = desc(new long[] {shape[0], shape[1], shape[2], shape[3]}, memory.format_tag.nhwc);
    dst = desc(new long[] {shape[0], shape[4], shape[5], shape[6]}, memory.format_tag.nhwc);
    userWeights = desc(weightDims, memory.format_tag.oihw);
    memory.desc anyWeights = desc(weightDims, memory.format_tag.any);
    bias = desc(new long[] {shape[4]}, memory.format_tag.x);
    // oneDNN's three convolution descriptions take the same geometry each: they are three APIs.
    var forwardDesc =
        hold(
            new convolution_forward.desc(
                dnnl.prop_kind.forward_training,
                dnnl.algorithm.convolution_direct,
                src,
                anyWeights,
                bias,
                dst,
                stride,
                padBegin,
                padEnd));
    forward = hold(new convolution_forward.primitive_desc(forwardDesc, ownScratchpad, engine));
    var weightsDesc =
        hold(
            new convolution_backward_weights.desc(
                dnnl.algorithm.convolution_direct,
                src,
                anyWeights,
                bias,
                dst,
                stride,
                padBegin,
                padEnd));
    backwardWeights =
        hold(
            new convolution_backward_weights.primitive_desc(
                weightsDesc, ownScratchpad, engine, forward));
    var dataDesc =
        hold(
            new convolution_backward_data.desc(
                dnnl.algorithm.convolution_direct, src, anyWeights, dst, stride, padBegin, padEnd));
    backwardData =
        hold(
            new convolution_backward_data.primitive_desc(dataDesc, ownScratchpad, engine, forward));
  }

  /** The attributes every primitive of the layer is made with: its scratchpad is the caller's. */
  primitive_attr ownScratchpad() {
    return ownScratchpad;
  }

  memory.desc src() {
    return src;
  }

  memory.desc dst() {
    return dst;
  }

  memory.desc userWeights() {
    return userWeights;
  }

  memory.desc bias() {
    return bias;
  }

  convolution_forward.primitive_desc forward() {
    return forward;
  }

  convolution_backward_weights.primitive_desc backwardWeights() {
    return backwardWeights;
  }

  convolution_backward_data.primitive_desc backwardData() {
    return backwardData;
  }

  private memory.desc desc(long[] dims, memory.format_tag tag) {
    return hold(new memory.desc(dims, memory.data_type.f32, tag));
  }

  private <T extends Pointer> T hold(T pointer) {
    keep.add(pointer);
    return pointer;
  }
}
