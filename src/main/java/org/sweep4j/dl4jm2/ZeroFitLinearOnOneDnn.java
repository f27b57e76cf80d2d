package org.sweep4j.dl4jm2;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_0;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_add;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_sub;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_linear;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_avg_include_padding;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_max;

import java.util.List;
import org.bytedeco.dnnl.binary;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * zero_fit_linear (x − min over each group) on oneDNN's pooling, whose kernels are vectorised over
 * channels: a group's minimum is minus a max-pool of −x over the whole map, the sum of ε is an
 * average pool times the map's size, and max-pooling's backward pass, from the workspace where the
 * forward pass noted each maximum, puts a value at each group's first minimum and zeros elsewhere.
 * oneDNN's reduction primitive, the obvious tool, is its scalar reference code in 2.5. Data of
 * [outer, position, inner] in c order is an NHWC map of [outer] images, one row of [position]
 * columns, [inner] channels, so one window spans a group.
 */
public final class ZeroFitLinearOnOneDnn {
  private static final int FORWARD_TRAINING = dnnl.prop_kind.forward_training.value;
  private static final int FORWARD_INFERENCE = dnnl.prop_kind.forward_inference.value;

  private final long outer;
  private final long positions;
  private final long inner;

  public ZeroFitLinearOnOneDnn(long outer, long positions, long inner) {
    this.outer = outer;
    this.positions = positions;
    this.inner = inner;
  }

  /** x − min per group written over {@code x}; false (nothing written) where oneDNN cannot run. */
  public boolean forward(INDArray x) {
    if (!ElementwisePrimitive.applies(x) || x.ordering() != 'c') {
      return false;
    }
    INDArray negativeMinimum = Nd4j.createUninitialized(DataType.FLOAT, outer, inner);
    ElementwisePrimitive maxPool = primitive("max pool", this::maxPool, x);
    x.negi();
    maxPool.run(x, negativeMinimum, workspace(maxPool));
    // −((−x) − (−min))
    primitive("minus difference", this::minusDifference, x).run(x, negativeMinimum);
    return true;
  }

  /**
   * ε − [position = the group's first minimum]·Σ ε written over {@code x}; false (nothing written)
   * where oneDNN cannot run.
   */
  public boolean backward(INDArray x, INDArray epsilon) {
    if (!ElementwisePrimitive.applies(x, epsilon) || x.ordering() != 'c') {
      return false;
    }
    ElementwisePrimitive maxPool = primitive("max pool", this::maxPool, x);
    INDArray where = workspace(maxPool);
    INDArray small = Nd4j.createUninitialized(DataType.FLOAT, outer, inner);
    x.negi();
    maxPool.run(x, small, where); // notes where each group's minimum lies
    primitive("mean", this::meanPool, x).run(epsilon, small);
    small.muli(-positions); // −Σ ε per group
    primitive("to the minimum", this::toMaximum, x).run(small, where, x);
    primitive("plus epsilon", this::plus, x).run(x, epsilon);
    return true;
  }

  private ElementwisePrimitive primitive(
      String what,
      java.util.function.Function<memory.desc, ElementwisePrimitive.Builder> build,
      INDArray x) {
    return ElementwisePrimitive.cached(
        List.of("zero_fit_linear " + what, outer, positions, inner), x.length(), build);
  }

  private static INDArray workspace(ElementwisePrimitive maxPool) {
    return Nd4j.createUninitialized(DataType.BYTE, Math.max(1, maxPool.slotBytes(2)));
  }

  private ElementwisePrimitive.Builder maxPool(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    pooling_forward.primitive_desc pd =
        b.hold(poolDescriptor(b, FORWARD_TRAINING, dnnl_pooling_max));
    return b.slot(maps(b), DNNL_ARG_SRC)
        .slot(perGroup(b), DNNL_ARG_DST)
        .slot(b.hold(pd.workspace_desc()), DNNL_ARG_WORKSPACE)
        .primitive(new pooling_forward(pd));
  }

  private ElementwisePrimitive.Builder meanPool(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    pooling_forward.primitive_desc pd =
        b.hold(poolDescriptor(b, FORWARD_INFERENCE, dnnl_pooling_avg_include_padding));
    return b.slot(maps(b), DNNL_ARG_SRC)
        .slot(perGroup(b), DNNL_ARG_DST)
        .primitive(new pooling_forward(pd));
  }

  private ElementwisePrimitive.Builder toMaximum(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    pooling_forward.primitive_desc hint =
        b.hold(poolDescriptor(b, FORWARD_TRAINING, dnnl_pooling_max));
    pooling_backward.desc desc =
        b.hold(
            new pooling_backward.desc(
                dnnl_pooling_max, maps(b), perGroup(b), ones(), window(), zeros(), zeros()));
    pooling_backward.primitive_desc pd =
        b.hold(new pooling_backward.primitive_desc(desc, OneDnn.engine(), hint));
    return b.slot(perGroup(b), DNNL_ARG_DIFF_DST)
        .slot(b.hold(pd.workspace_desc()), DNNL_ARG_WORKSPACE)
        .slot(maps(b), DNNL_ARG_DIFF_SRC)
        .primitive(new pooling_backward(pd));
  }

  private ElementwisePrimitive.Builder minusDifference(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    post_ops negate = b.hold(new post_ops());
    negate.append_eltwise(1f, dnnl_eltwise_linear, -1f, 0f);
    primitive_attr attr = b.hold(new primitive_attr());
    attr.set_post_ops(negate);
    // As 3-d [outer, position, inner] (the same bytes): oneDNN 2.5 broadcasts a [outer, 1, inner]
    // operand over positions in its vectorised kernel, an NHWC [outer, inner, 1, 1] one only in
    // its reference code (30 times slower).
    memory.desc data = b.hold(dims(outer, positions, inner));
    memory.desc group = b.hold(dims(outer, 1, inner));
    binary.desc desc = b.hold(new binary.desc(dnnl_binary_sub, data, group, data));
    binary.primitive_desc pd = b.hold(new binary.primitive_desc(desc, attr, OneDnn.engine()));
    return b.slot(data, DNNL_ARG_SRC_0, DNNL_ARG_DST)
        .slot(group, DNNL_ARG_SRC_1)
        .primitive(new binary(pd));
  }

  private ElementwisePrimitive.Builder plus(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    binary.desc desc = b.hold(new binary.desc(dnnl_binary_add, maps(b), maps(b), maps(b)));
    binary.primitive_desc pd = b.hold(new binary.primitive_desc(desc, OneDnn.engine()));
    return b.slot(maps(b), DNNL_ARG_SRC_0, DNNL_ARG_DST)
        .slot(maps(b), DNNL_ARG_SRC_1)
        .primitive(new binary(pd));
  }

  private pooling_forward.primitive_desc poolDescriptor(
      ElementwisePrimitive.Builder b, int kind, int algorithm) {
    pooling_forward.desc desc =
        b.hold(
            new pooling_forward.desc(
                kind, algorithm, maps(b), perGroup(b), ones(), window(), zeros(), zeros()));
    return new pooling_forward.primitive_desc(desc, OneDnn.engine());
  }

  /** The data: [outer] images of one row of [positions] columns with [inner] channels, NHWC. */
  private memory.desc maps(ElementwisePrimitive.Builder b) {
    return b.hold(
        new memory.desc(
            new long[] {outer, inner, 1, positions}, memory.data_type.f32, memory.format_tag.nhwc));
  }

  /** One value per group, [outer, inner]. */
  private memory.desc perGroup(ElementwisePrimitive.Builder b) {
    return b.hold(
        new memory.desc(
            new long[] {outer, inner, 1, 1}, memory.data_type.f32, memory.format_tag.nhwc));
  }

  private static memory.desc dims(long... sizes) {
    return new memory.desc(sizes, memory.data_type.f32, memory.format_tag.abc);
  }

  private long[] window() {
    return new long[] {1, positions};
  }

  private static long[] ones() {
    return new long[] {1, 1};
  }

  private static long[] zeros() {
    return new long[] {0, 0};
  }
}
