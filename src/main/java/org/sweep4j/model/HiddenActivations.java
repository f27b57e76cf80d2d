package org.sweep4j.model;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.dl4jm2.OneDnnActivation;
import org.sweep4j.dl4jm2.OneDnnEltwise.Algorithm;
import org.sweep4j.dl4jm2.ReluActivation;
import org.sweep4j.model.activations.GeluActivation;
import org.sweep4j.model.activations.MishActivation;
import org.sweep4j.model.activations.ReflectionLinearActivation;
import org.sweep4j.model.activations.SoftplusLinearActivation;
import org.sweep4j.model.activations.StepActivation;
import org.sweep4j.model.activations.SwishActivation;
import org.sweep4j.model.activations.ZeroFitLinearActivation;

/** Maps a job's activation to the DL4J function placed in every hidden layer. */
public final class HiddenActivations {
  /** SELU's constants, as libnd4j's selu op and Keras define them. */
  private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

  private static final double SELU_LAMBDA = 1.0507009873554804934193349852946;

  private HiddenActivations() {}

  /**
   * The function for a hidden layer. PReLU has learnable slopes, so it is not a function but a
   * layer of its own ({@link LayerStack} adds it); the layer before it stays linear (identity).
   */
  public static IActivation create(ActivationSpec spec) {
    return create(spec, false);
  }

  /**
   * As {@link #create(ActivationSpec)} for a layer whose rank-4 outputs are NHWC maps when {@code
   * channelsLast}.
   */
  public static IActivation create(ActivationSpec spec, boolean channelsLast) {
    ActivationName name = spec.name();
    return switch (name) {
      case RELU -> new OneDnnActivation(new ReluActivation(), Algorithm.RELU, 0, 1);
      case LEAKY_RELU ->
          new OneDnnActivation(
              new ActivationLReLU(spec.number("alpha")), Algorithm.RELU, spec.number("alpha"), 1);
      case PRELU -> new ActivationIdentity();
      case ELU ->
          new OneDnnActivation(
              new ActivationELU(spec.number("alpha")), Algorithm.ELU, spec.number("alpha"), 1);
      case SELU ->
          new OneDnnActivation(new ActivationSELU(), Algorithm.ELU, SELU_ALPHA, SELU_LAMBDA);
      case GELU -> new GeluActivation("tanh".equals(spec.param("approximation")));
      case SIGMOID -> new OneDnnActivation(new ActivationSigmoid(), Algorithm.LOGISTIC, 0, 1);
      case TANH -> new OneDnnActivation(new ActivationTanH(), Algorithm.TANH, 0, 1);
      case SWISH -> new SwishActivation();
      case MISH -> new MishActivation();
      case STEP -> new StepActivation();
      case SOFTPLUS_LINEAR -> new SoftplusLinearActivation();
      case REFLECTION_LINEAR -> new ReflectionLinearActivation();
      case ZERO_FIT_LINEAR -> new ZeroFitLinearActivation(channelsLast); // its min is per channel
    };
  }

  public static boolean isLayer(ActivationSpec spec) {
    return spec.name() == ActivationName.PRELU;
  }
}
