package org.sweep4j.dl4jm2;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;

import java.util.List;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation that is one of oneDNN's elementwise algorithms, optionally times a constant (SELU
 * is λ·ELU_α): forward and backward each one JIT-compiled, vectorised pass in place, where ND4J
 * takes one pass per operation of the closed form, each allocating its result.
 *
 * @param algorithm oneDNN's function
 * @param alpha its parameter as oneDNN defines it (ReLU: the negative slope; ELU: α; swish: β)
 * @param scale a factor on the result and the derivative (1 for all but SELU)
 */
public record OneDnnEltwise(Algorithm algorithm, float alpha, float scale)
    implements FastElementwise {
  /** oneDNN's elementwise algorithms that sweep4j's activations are. */
  public enum Algorithm {
    RELU(dnnl.dnnl_eltwise_relu),
    /**
     * Its backward pass goes through the output: oneDNN 2.5 tells the sides apart by e^x &gt; 1,
     * which takes 0 &lt; x &lt; 6e-8 (where e^x rounds to 1) for negative, and gives SELU the slope
     * λα there instead of λ.
     */
    ELU(dnnl.dnnl_eltwise_elu_use_dst_for_bwd),
    LOGISTIC(dnnl.dnnl_eltwise_logistic),
    TANH(dnnl.dnnl_eltwise_tanh),
    GELU_ERF(dnnl.dnnl_eltwise_gelu_erf),
    GELU_TANH(dnnl.dnnl_eltwise_gelu_tanh),
    SWISH(dnnl.dnnl_eltwise_swish),
    MISH(dnnl.dnnl_eltwise_mish),
    ABS(dnnl.dnnl_eltwise_abs);

    private final int code;

    Algorithm(int code) {
      this.code = code;
    }

    /** Whether the backward pass takes f(x) rather than x. */
    private boolean fromOutput() {
      return code == dnnl.dnnl_eltwise_elu_use_dst_for_bwd;
    }
  }

  private static final int FORWARD_TRAINING = dnnl.prop_kind.forward_training.value;

  public static OneDnnEltwise of(Algorithm algorithm) {
    return new OneDnnEltwise(algorithm, 0f, 1f);
  }

  public static OneDnnEltwise of(Algorithm algorithm, double alpha) {
    return new OneDnnEltwise(algorithm, (float) alpha, 1f);
  }

  @Override
  public boolean forward(INDArray x) {
    if (!ElementwisePrimitive.applies(x)) {
      return false;
    }
    unscaledForward(x);
    scale(x);
    return true;
  }

  @Override
  public boolean backward(INDArray x, INDArray epsilon) {
    if (!ElementwisePrimitive.applies(x, epsilon)) {
      return false;
    }
    if (algorithm.fromOutput()) {
      unscaledForward(x);
    }
    // The gradient overwrites x element by element, each element read before it is written.
    ElementwisePrimitive.cached(List.of(this, "backward"), x.length(), this::backwardPrimitive)
        .run(x, epsilon);
    scale(x);
    return true;
  }

  private void unscaledForward(INDArray x) {
    ElementwisePrimitive.cached(List.of(this, "forward"), x.length(), this::forwardPrimitive)
        .run(x);
  }

  private void scale(INDArray x) {
    if (scale != 1f) {
      x.muli(scale);
    }
  }

  private ElementwisePrimitive.Builder forwardPrimitive(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    eltwise_forward.primitive_desc pd = b.hold(forwardDescriptor(b));
    return b.slot(DNNL_ARG_SRC, DNNL_ARG_DST).primitive(new eltwise_forward(pd));
  }

  private ElementwisePrimitive.Builder backwardPrimitive(memory.desc vector) {
    ElementwisePrimitive.Builder b = new ElementwisePrimitive.Builder(vector);
    eltwise_forward.primitive_desc hint = b.hold(forwardDescriptor(b));
    eltwise_backward.desc desc =
        b.hold(new eltwise_backward.desc(algorithm.code, vector, vector, alpha, 0f));
    eltwise_backward.primitive_desc pd =
        b.hold(new eltwise_backward.primitive_desc(desc, OneDnn.engine(), hint));
    return b.slot(algorithm.fromOutput() ? DNNL_ARG_DST : DNNL_ARG_SRC, DNNL_ARG_DIFF_SRC)
        .slot(DNNL_ARG_DIFF_DST)
        .primitive(new eltwise_backward(pd));
  }

  private eltwise_forward.primitive_desc forwardDescriptor(ElementwisePrimitive.Builder b) {
    eltwise_forward.desc desc =
        b.hold(new eltwise_forward.desc(FORWARD_TRAINING, algorithm.code, b.vector(), alpha, 0f));
    return new eltwise_forward.primitive_desc(desc, OneDnn.engine());
  }
}
