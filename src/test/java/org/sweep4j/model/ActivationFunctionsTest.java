package org.sweep4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;

/**
 * Forward values against closed forms, and DL4J gradient checks in double precision in conv and
 * dense layers.
 */
class ActivationFunctionsTest {
  private static final double EPS = 1e-6;
  private static final double MAX_REL_ERROR = 1e-3;
  private static final double MIN_ABS_ERROR = 1e-8;
  private static final double[] XS = {-3.0, -1.2, -0.3, 0.25, 0.9, 2.5};

  private static void assertForward(ActivationSpec spec, DoubleUnaryOperator expected) {
    IActivation f = HiddenActivations.create(spec);
    INDArray x = Nd4j.create(XS).castTo(DataType.DOUBLE).reshape(1, XS.length);
    INDArray y = f.getActivation(x.dup(), false);
    for (int i = 0; i < XS.length; i++) {
      assertEquals(
          expected.applyAsDouble(XS[i]), y.getDouble(0, i), 1e-6, spec.label() + " at " + XS[i]);
    }
  }

  private static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  private static double phi(double x) {
    // Φ via the complementary error function's series-free identity is not in the JDK; use a
    // high-accuracy erf.
    return 0.5 * (1 + erf(x / Math.sqrt(2)));
  }

  /**
   * Abramowitz-Stegun 7.1.26 is too coarse; this continued Taylor series is exact to ~1e-12 for |x|
   * < 3.
   */
  private static double erf(double x) {
    double sum = 0;
    double term = x;
    for (int n = 0; n < 80; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  private static DataType defaultType;
  private static DataType defaultFloatType;

  @BeforeAll
  static void doublePrecision() {
    defaultType = Nd4j.dataType();
    defaultFloatType = Nd4j.defaultFloatingPointType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  @AfterAll
  static void restorePrecision() {
    Nd4j.setDefaultDataTypes(defaultType, defaultFloatType);
  }

  @Test
  void forwardValuesMatchClosedForms() {
    assertForward(
        ActivationSpec.of(ActivationName.SOFTPLUS_LINEAR),
        x -> x <= 0 ? 2 * softplus(x) : x + 2 * Math.log(2));
    assertForward(ActivationSpec.of(ActivationName.REFLECTION_LINEAR), Math::abs);
    assertForward(ActivationSpec.of(ActivationName.STEP), x -> x > 0 ? 1 : 0);
    assertForward(ActivationSpec.of(ActivationName.GELU), x -> x * phi(x));
    assertForward(
        new ActivationSpec(ActivationName.GELU, Map.of("approximation", "tanh")),
        x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
    assertForward(
        new ActivationSpec(ActivationName.LEAKY_RELU, Map.of("alpha", "0.2")),
        x -> x > 0 ? x : 0.2 * x);
    assertForward(ActivationSpec.of(ActivationName.SWISH), x -> x / (1 + Math.exp(-x)));
    assertForward(ActivationSpec.of(ActivationName.MISH), x -> x * Math.tanh(softplus(x)));
    assertForward(ActivationSpec.of(ActivationName.ELU), x -> x > 0 ? x : Math.exp(x) - 1);
    // zero_fit_linear over a dense row: x - min(x)
    assertForward(ActivationSpec.of(ActivationName.ZERO_FIT_LINEAR), x -> x + 3.0);
  }

  /** sweep4j's ReLU only has a faster backward pass: values and gradients are DL4J's own. */
  @Test
  void reluComputesWhatDl4jsReluDoes() {
    IActivation ours = HiddenActivations.create(ActivationSpec.of(ActivationName.RELU));
    IActivation dl4j = new org.nd4j.linalg.activations.impl.ActivationReLU();
    Nd4j.getRandom().setSeed(3);
    INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 5, 5).subi(0.5);
    x.putScalar(0, 0f); // exactly zero: no gradient passes, as in DL4J (x > 0)
    INDArray epsilon = Nd4j.rand(DataType.FLOAT, 4, 3, 5, 5).subi(0.5);
    assertEquals(dl4j.getActivation(x.dup(), true), ours.getActivation(x.dup(), true));
    INDArray expected = dl4j.backprop(x.dup(), epsilon.dup()).getFirst();
    INDArray actual = ours.backprop(x.dup(), epsilon.dup()).getFirst();
    assertEquals(
        0.0,
        Math.abs(actual.getDouble(0)),
        "no gradient where x = 0 (-0 where the incoming one is negative)");
    assertEquals(0.0, expected.sub(actual).amaxNumber().doubleValue(), "ReLU gradients");
    assertTrue(actual.amaxNumber().doubleValue() > 0, "some gradient should pass");
  }

  @Test
  void zeroFitLinearTakesTheMinimumPerSampleAndChannel() {
    INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 4, 4).subi(0.5);
    INDArray y =
        HiddenActivations.create(ActivationSpec.of(ActivationName.ZERO_FIT_LINEAR))
            .getActivation(x.dup(), false);
    for (int n = 0; n < 2; n++) {
      for (int c = 0; c < 3; c++) {
        double min =
            x.get(
                    org.nd4j.linalg.indexing.NDArrayIndex.point(n),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(c))
                .minNumber()
                .doubleValue();
        assertEquals(x.getDouble(n, c, 1, 2) - min, y.getDouble(n, c, 1, 2), 1e-12);
      }
    }
  }

  /**
   * On NHWC maps the minimum is still per sample and channel: the same numbers as on the NCHW maps,
   * moved.
   */
  @Test
  void zeroFitLinearOnChannelsLastMapsMatchesChannelsFirst() {
    INDArray nchw = Nd4j.rand(DataType.DOUBLE, 2, 3, 4, 5).subi(0.5);
    INDArray epsilon = Nd4j.rand(DataType.DOUBLE, 2, 3, 4, 5).subi(0.5);
    IActivation first =
        HiddenActivations.create(ActivationSpec.of(ActivationName.ZERO_FIT_LINEAR), false);
    IActivation last =
        HiddenActivations.create(ActivationSpec.of(ActivationName.ZERO_FIT_LINEAR), true);
    INDArray nhwc = nchw.permute(0, 2, 3, 1).dup('c');
    INDArray nhwcEpsilon = epsilon.permute(0, 2, 3, 1).dup('c');
    assertEquals(
        first.getActivation(nchw.dup(), false).permute(0, 2, 3, 1),
        last.getActivation(nhwc.dup(), false));
    assertEquals(
        first.backprop(nchw.dup(), epsilon.dup()).getFirst().permute(0, 2, 3, 1),
        last.backprop(nhwc.dup(), nhwcEpsilon.dup()).getFirst());
    assertNotEquals(
        first.getActivation(nhwc.dup(), false),
        last.getActivation(nhwc.dup(), false),
        "reading NHWC maps as NCHW would take other minima");
  }

  /**
   * Every activation passes DL4J's numeric gradient check in double precision, inside a conv layer
   * and a dense layer laid out by the same {@link LayerStack} the architectures use (so PReLU's
   * per-channel and per-unit slope layers are checked too, slopes included).
   */
  @Test
  void gradientChecksPassInConvAndDenseLayers() {
    for (ActivationName name : ActivationName.values()) {
      ActivationSpec spec =
          name == ActivationName.LEAKY_RELU
              ? new ActivationSpec(name, Map.of("alpha", "0.2"))
              : ActivationSpec.of(name);
      MultiLayerNetwork net = smallDoubleNet(spec);
      Nd4j.getRandom().setSeed(12345);
      INDArray input = Nd4j.rand(DataType.DOUBLE, 3, 2, 6, 6).subi(0.5).muli(2);
      INDArray labels = Nd4j.zeros(DataType.DOUBLE, 3, 4);
      for (int i = 0; i < 3; i++) {
        labels.putScalar(i, i % 4, 1.0);
      }
      if (name == ActivationName.PRELU) {
        // Slopes start at 0 (as in Keras); move them so the check exercises the negative side.
        net.getLayer(1)
            .setParam(
                "W",
                Nd4j.valueArrayOf(net.getLayer(1).getParam("W").shape(), 0.25, DataType.DOUBLE));
        net.getLayer(3)
            .setParam(
                "W",
                Nd4j.valueArrayOf(net.getLayer(3).getParam("W").shape(), 0.25, DataType.DOUBLE));
      }
      boolean ok =
          GradientCheckUtil.checkGradients(
              new GradientCheckUtil.MLNConfig()
                  .net(net)
                  .input(input)
                  .labels(labels)
                  .epsilon(EPS)
                  .maxRelError(MAX_REL_ERROR)
                  .minAbsoluteError(MIN_ABS_ERROR));
      assertTrue(ok, "gradient check failed for " + spec.label());
    }
  }

  private static MultiLayerNetwork smallDoubleNet(ActivationSpec activation) {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .seed(42)
            .dataType(DataType.DOUBLE)
            .updater(new NoOp())
            .weightInit(WeightInit.XAVIER)
            .list();
    new LayerStack(list, activation, 2, 6, 6).conv3x3(3, false).dense(5).softmaxOutput(4);
    MultiLayerConfiguration conf = list.setInputType(InputType.convolutional(6, 6, 2)).build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }
}
