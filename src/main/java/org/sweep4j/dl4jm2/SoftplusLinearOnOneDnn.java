package org.sweep4j.dl4jm2;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_0;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_add;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_max;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_min;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_mul;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_clip;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_linear;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_logistic;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_soft_relu;

import org.bytedeco.dnnl.binary;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * softplus_linear on oneDNN: f(x) = 2·softplus(x) for x ≤ 0, x + 2 ln 2 above, as a binary
 * primitive with a chain of post-ops, which oneDNN fuses into one vectorised pass.
 *
 * <ul>
 *   <li>Forward, with s = x + 2 ln 2 (one scalar add, in place): f = max(2·softplus(min(s − 2 ln 2,
 *       0)), s). Above 0 the max is s; at or below 0 it is the softplus term, since 2·softplus(x) −
 *       2 ln 2 − x is 0 at 0 and grows as x falls (its slope is 2σ(x) − 1 &lt; 0). The softplus is
 *       taken of x itself, not of a difference, so it keeps its relative accuracy far below 0.
 *   <li>Backward: f'(x) = 2σ(min(x, 0)), which is 1 above 0 because 2σ(0) = 1; times ε, one pass.
 * </ul>
 *
 * oneDNN 2.5 gives every linear post-op of a chain the parameters of the last one, so each chain
 * has one linear step. Its softplus reduces the argument as n·ln 2 + ln(2^-n + e^r), which cancels
 * far below 0: values there are within two units in the last place of x (4e-6 at x = -20) rather
 * than of the value; no composition of oneDNN's functions does better (its log is off by 1e-6 near
 * 1).
 */
public final class SoftplusLinearOnOneDnn implements FastElementwise {
  private static final float TWO_LN_2 = (float) (2 * Math.log(2));

  /** The arguments of the binary post-op at position 3 of the forward chain. */
  private static final int FORWARD_SECOND_INPUT = postOpInput(3);

  /** The arguments of the binary post-op at position 2 of the backward chain. */
  private static final int BACKWARD_SECOND_INPUT = postOpInput(2);

  @Override
  public boolean forward(INDArray x) {
    if (!ElementwisePrimitive.applies(x)) {
      return false;
    }
    x.addi(TWO_LN_2);
    ElementwisePrimitive.cached("softplus_linear forward", x.length(), this::forwardPrimitive)
        .run(x);
    return true;
  }

  @Override
  public boolean backward(INDArray x, INDArray epsilon) {
    if (!ElementwisePrimitive.applies(x, epsilon)) {
      return false;
    }
    ElementwisePrimitive.cached("softplus_linear backward", x.length(), this::backwardPrimitive)
        .run(x, epsilon);
    return true;
  }

  private ElementwisePrimitive.Builder forwardPrimitive(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    post_ops chain = b.hold(new post_ops());
    chain.append_eltwise(1f, dnnl_eltwise_clip, -Float.MAX_VALUE, 0f);
    chain.append_eltwise(1f, dnnl_eltwise_soft_relu, 0f, 0f);
    chain.append_eltwise(1f, dnnl_eltwise_linear, 2f, 0f);
    chain.append_binary(dnnl_binary_max, vector);
    return binaryPrimitive(b, dnnl_binary_add, chain)
        .constant(DNNL_ARG_SRC_1, -TWO_LN_2)
        .slot(DNNL_ARG_SRC_0, DNNL_ARG_DST, FORWARD_SECOND_INPUT);
  }

  private ElementwisePrimitive.Builder backwardPrimitive(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    post_ops chain = b.hold(new post_ops());
    chain.append_eltwise(1f, dnnl_eltwise_logistic, 0f, 0f);
    chain.append_eltwise(1f, dnnl_eltwise_linear, 2f, 0f);
    chain.append_binary(dnnl_binary_mul, vector);
    return binaryPrimitive(b, dnnl_binary_min, chain)
        .constant(DNNL_ARG_SRC_1, 0f)
        .slot(DNNL_ARG_SRC_0, DNNL_ARG_DST)
        .slot(BACKWARD_SECOND_INPUT);
  }

  /** op(x, a broadcast constant), then {@code chain}, in place over x. */
  private static ElementwisePrimitive.Builder binaryPrimitive(
      ElementwisePrimitive.Builder b, int op, post_ops chain) {
    memory.desc vector = b.vector();
    memory.desc scalar =
        b.hold(new memory.desc(new long[] {1}, memory.data_type.f32, memory.format_tag.a));
    primitive_attr attr = b.hold(new primitive_attr());
    attr.set_post_ops(chain);
    binary.desc desc = b.hold(new binary.desc(op, vector, scalar, vector));
    binary.primitive_desc pd = b.hold(new binary.primitive_desc(desc, attr, OneDnn.engine()));
    return b.primitive(new binary(pd));
  }

  /** DNNL_ARG_ATTR_MULTIPLE_POST_OP(index) | DNNL_ARG_SRC_1, a C macro JavaCPP does not map. */
  private static int postOpInput(int index) {
    return DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE * (index + 1) | DNNL_ARG_SRC_1;
  }
}
