package org.sweep4j.dl4jm2;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.List;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.prelu_backward;
import org.bytedeco.dnnl.prelu_forward;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PReLU on oneDNN's prelu primitives: x as a matrix with one row per example, one slope per column
 * (the slopes already repeated over their shared axes), forward in one pass and backward in one
 * pass that also sums the slopes' gradient over the rows.
 */
final class PReLUOnOneDnn {
  private static final int FORWARD_TRAINING = dnnl.prop_kind.forward_training.value;

  private PReLUOnOneDnn() {}

  /** y = x where x &gt; 0, else slope·x; false (nothing written) where oneDNN cannot run. */
  static boolean forward(INDArray x, INDArray slopes, INDArray y) {
    if (!ElementwisePrimitive.applies(x, y) || !ElementwisePrimitive.applies(slopes)) {
      return false;
    }
    long rows = x.size(0);
    long columns = x.size(1);
    ElementwisePrimitive.cached(
            List.of("prelu forward", columns), x.length(), v -> forwardPrimitive(rows, columns, v))
        .run(x, slopes, y);
    return true;
  }

  /**
   * The input's gradient, and the gradient of each column's slope summed over the rows; false
   * (nothing written) where oneDNN cannot run.
   */
  static boolean backward(
      INDArray x,
      INDArray slopes,
      INDArray epsilon,
      INDArray inputGradient,
      INDArray slopeGradient) {
    if (!ElementwisePrimitive.applies(x, epsilon, inputGradient)
        || !ElementwisePrimitive.applies(slopes, slopeGradient)) {
      return false;
    }
    long rows = x.size(0);
    long columns = x.size(1);
    ElementwisePrimitive.cached(
            List.of("prelu backward", columns),
            x.length(),
            v -> backwardPrimitive(rows, columns, v))
        .run(x, slopes, epsilon, inputGradient, slopeGradient);
    return true;
  }

  private static ElementwisePrimitive.Builder forwardPrimitive(
      long rows, long columns, memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    memory.desc data = matrix(b, rows, columns);
    memory.desc weights = matrix(b, 1, columns);
    prelu_forward.primitive_desc pd = b.hold(forwardDescriptor(b, data, weights));
    return b.slot(data, DNNL_ARG_SRC)
        .slot(weights, DNNL_ARG_WEIGHTS)
        .slot(data, DNNL_ARG_DST)
        .primitive(new prelu_forward(pd));
  }

  private static ElementwisePrimitive.Builder backwardPrimitive(
      long rows, long columns, memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    memory.desc data = matrix(b, rows, columns);
    memory.desc weights = matrix(b, 1, columns);
    prelu_forward.primitive_desc hint = b.hold(forwardDescriptor(b, data, weights));
    prelu_backward.desc desc = b.hold(new prelu_backward.desc(data, weights, data, weights));
    prelu_backward.primitive_desc pd =
        b.hold(new prelu_backward.primitive_desc(desc, OneDnn.engine(), hint));
    return b.slot(data, DNNL_ARG_SRC)
        .slot(weights, DNNL_ARG_WEIGHTS)
        .slot(data, DNNL_ARG_DIFF_DST)
        .slot(data, DNNL_ARG_DIFF_SRC)
        .slot(weights, DNNL_ARG_DIFF_WEIGHTS)
        .primitive(new prelu_backward(pd));
  }

  private static prelu_forward.primitive_desc forwardDescriptor(
      ElementwisePrimitive.Builder b, memory.desc data, memory.desc weights) {
    prelu_forward.desc desc = b.hold(new prelu_forward.desc(FORWARD_TRAINING, data, weights));
    return new prelu_forward.primitive_desc(desc, OneDnn.engine());
  }

  private static memory.desc matrix(ElementwisePrimitive.Builder b, long rows, long columns) {
    return b.hold(
        new memory.desc(new long[] {rows, columns}, memory.data_type.f32, memory.format_tag.ab));
  }
}
