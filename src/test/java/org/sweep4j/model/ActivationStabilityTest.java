package org.sweep4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;

/**
 * Every elementwise activation as the networks run it, in float32, over the whole range a
 * pre-activation can take (|x| up to 1e4, ±0, subnormals, and the points where naive closed forms
 * overflow: e^x past 88, e^{2x} past 44): values and derivatives are finite and match a reference
 * computed in double with overflow-safe forms. A NaN gradient from one large pre-activation would
 * record a trial as diverged for a reason that has nothing to do with the activation.
 */
class ActivationStabilityTest {
  private static final double LAMBDA = 1.0507009873554804934193349852946;
  private static final double SELU_ALPHA = 1.6732632423543772848170429916717;

  /** {f, f'} in double, safe from overflow for every input above. */
  private static DoubleUnaryOperator[] reference(ActivationName name) {
    return switch (name) {
      case RELU -> pair(x -> Math.max(x, 0), x -> x > 0 ? 1 : 0);
      case LEAKY_RELU -> pair(x -> x > 0 ? x : 0.01 * x, x -> x > 0 ? 1 : 0.01);
      case PRELU -> pair(x -> x, x -> 1); // the conv layer stays linear; the slope layer follows
      case ELU -> pair(x -> x > 0 ? x : Math.expm1(x), x -> x > 0 ? 1 : Math.exp(x));
      case SELU ->
          pair(
              x -> x > 0 ? LAMBDA * x : LAMBDA * SELU_ALPHA * Math.expm1(x),
              x -> x > 0 ? LAMBDA : LAMBDA * SELU_ALPHA * Math.exp(x));
      case GELU ->
          pair(x -> x * phi(x), x -> phi(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI));
      case SIGMOID -> pair(ActivationStabilityTest::sigmoid, x -> sigmoid(x) * sigmoid(-x));
      case TANH -> pair(Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x));
      case SWISH -> pair(x -> x * sigmoid(x), x -> sigmoid(x) + x * sigmoid(x) * sigmoid(-x));
      case MISH ->
          pair(
              x -> x * Math.tanh(softplus(x)),
              x -> {
                double t = Math.tanh(softplus(x));
                return t + x * sigmoid(x) * (1 - t * t);
              });
      case STEP -> pair(x -> x > 0 ? 1 : 0, x -> 0);
      case SOFTPLUS_LINEAR ->
          pair(x -> x > 0 ? x + 2 * Math.log(2) : 2 * softplus(x), x -> x > 0 ? 1 : 2 * sigmoid(x));
      case REFLECTION_LINEAR -> pair(Math::abs, Math::signum);
      case ZERO_FIT_LINEAR -> null; // not elementwise: ZeroFitLinearActivationTest
    };
  }

  private static DoubleUnaryOperator[] pair(DoubleUnaryOperator f, DoubleUnaryOperator d) {
    return new DoubleUnaryOperator[] {f, d};
  }

  private static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  private static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  private static double phi(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }

  @ParameterizedTest
  @EnumSource(
      value = ActivationName.class,
      names = "ZERO_FIT_LINEAR",
      mode = EnumSource.Mode.EXCLUDE)
  void finiteAndRightInFloatOverTheWholeRange(ActivationName name) {
    DoubleUnaryOperator[] expected = reference(name);
    float[] xs = FloatRange.extremes();
    IActivation f = HiddenActivations.create(ActivationSpec.of(name));
    INDArray x = Nd4j.createFromArray(xs).castTo(DataType.FLOAT).reshape(1, xs.length);
    INDArray value = f.getActivation(x.dup(), true);
    Pair<INDArray, INDArray> backprop = f.backprop(x.dup(), Nd4j.onesLike(x));
    INDArray derivative = backprop.getFirst();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      float got = value.getFloat(0, i);
      double want = expected[0].applyAsDouble(xs[i]);
      if (REDUCES_AT_THE_SCALE_OF_X.contains(name)) {
        checkAtTheScaleOfX(wrong, xs[i], got, want);
      } else {
        check(wrong, "f", xs[i], got, want);
      }
      checkDerivative(wrong, xs[i], derivative.getFloat(0, i), expected[1]);
    }
    assertTrue(wrong.isEmpty(), name + ":\n" + String.join("\n", wrong));
  }

  /**
   * Activations whose oneDNN kernels (training's float path) compute softplus or tanh∘softplus from
   * terms of the size of x that cancel far below 0: oneDNN's soft_relu takes n·ln 2 + ln(2^-n +
   * e^r) and its mish x·((e^x+1)² − 1)/((e^x+1)² + 1). Their values there are within a few units in
   * the last place of x (4e-6 for softplus_linear at x = -20, 8e-7 for mish at -15) where the
   * values themselves are below 1e-4; their derivatives are held to the usual tolerance.
   */
  private static final java.util.Set<ActivationName> REDUCES_AT_THE_SCALE_OF_X =
      java.util.EnumSet.of(ActivationName.MISH, ActivationName.SOFTPLUS_LINEAR);

  private static void checkAtTheScaleOfX(List<String> wrong, float x, float got, double want) {
    double ulpOfX = Math.ulp(Math.max(1f, Math.abs(x)));
    if (!Float.isFinite(got) || Math.abs(got - want) > 4 * ulpOfX + 5e-7 * Math.abs(want)) {
      wrong.add("f(" + x + ") = " + got + ", expected " + want + " within 4 ulp of x");
    }
  }

  /** zero_fit_linear is x − min(x) over a group: one dense row holding every input above. */
  @Test
  void zeroFitLinearIsFiniteAndRightOverTheWholeRange() {
    float[] xs = FloatRange.extremes();
    INDArray x = Nd4j.createFromArray(xs).reshape(1, xs.length);
    IActivation f = HiddenActivations.create(ActivationSpec.of(ActivationName.ZERO_FIT_LINEAR));
    INDArray value = f.getActivation(x.dup(), true);
    INDArray derivative = f.backprop(x.dup(), Nd4j.onesLike(x)).getFirst();
    int argmin = 0;
    for (int i = 1; i < xs.length; i++) {
      argmin = xs[i] < xs[argmin] ? i : argmin;
    }
    double min = xs[argmin];
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      check(wrong, "f", xs[i], value.getFloat(0, i), xs[i] - min);
      // dL/dx_j = ε_j − [j = argmin]·Σ ε, here with ε = 1 everywhere
      check(wrong, "f'", xs[i], derivative.getFloat(0, i), i == argmin ? 1 - xs.length : 1);
    }
    assertEquals(-1e4, min);
    assertTrue(wrong.isEmpty(), "zero_fit_linear:\n" + String.join("\n", wrong));
  }

  /**
   * At 0, where piecewise functions have a kink (relu, leaky_relu, selu, reflection_linear), any
   * value between the one-sided derivatives is a valid subgradient; frameworks differ on which.
   */
  private static void checkDerivative(
      List<String> wrong, float x, float got, DoubleUnaryOperator derivative) {
    if (x != 0) {
      check(wrong, "f'", x, got, derivative.applyAsDouble(x));
      return;
    }
    double left = derivative.applyAsDouble(-Double.MIN_VALUE);
    double right = derivative.applyAsDouble(Double.MIN_VALUE);
    double nearest = Math.max(Math.min(left, right), Math.min(Math.max(left, right), got));
    check(wrong, "f'", x, got, nearest);
  }

  private static void check(List<String> wrong, String what, float x, float got, double want) {
    if (!FloatRange.close(got, want)) {
      wrong.add(what + "(" + x + ") = " + got + ", expected " + want);
    }
  }
}
