package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.model.HiddenActivations;

/**
 * Training's float path (oneDNN kernels) against each activation's reference path, which gradient
 * checks verify in double precision: the same values and gradients on NHWC maps whose length is no
 * multiple of a vector register, the incoming gradient left alone, and the float path refused
 * (arrays untouched) where it cannot run.
 */
class FastElementwiseTest {
  private static INDArray maps(long seed) {
    Nd4j.getRandom().setSeed(seed);
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, 5, 7, 6).muli(3); // 630 values
    x.putScalar(0, 0f);
    x.putScalar(1, -0f);
    return x;
  }

  @ParameterizedTest
  @EnumSource(value = ActivationName.class, names = "PRELU", mode = EnumSource.Mode.EXCLUDE)
  void floatPathMatchesTheReferenceInDouble(ActivationName name) {
    IActivation f =
        HiddenActivations.create(
            name == ActivationName.LEAKY_RELU
                ? new ActivationSpec(name, Map.of("alpha", "0.2"))
                : ActivationSpec.of(name),
            true);
    INDArray x = maps(7);
    INDArray epsilon = maps(8);
    INDArray epsilonBefore = epsilon.dup();
    INDArray value = f.getActivation(x.dup(), true);
    INDArray gradient = f.backprop(x.dup(), epsilon).getFirst();
    INDArray wantValue = f.getActivation(x.castTo(DataType.DOUBLE), true);
    INDArray wantGradient =
        f.backprop(x.castTo(DataType.DOUBLE), epsilon.castTo(DataType.DOUBLE)).getFirst();
    assertEquals(DataType.FLOAT, value.dataType());
    assertClose(name + " f", x, wantValue, value);
    assertClose(name + " f'·ε", x, wantGradient, gradient);
    assertEquals(epsilonBefore, epsilon, name + ": the incoming gradient must be left as it was");
  }

  /**
   * Within 1e-5 relative of the double reference plus four units in the last place of x: oneDNN's
   * softplus works at the scale of x (ActivationStabilityTest says where).
   */
  private static void assertClose(String what, INDArray x, INDArray want, INDArray got) {
    assertClose(what, x, want, got, 0);
  }

  /** As above, plus {@code slack} for a float sum inside the function. */
  private static void assertClose(
      String what, INDArray x, INDArray want, INDArray got, double slack) {
    double[] in = x.castTo(DataType.DOUBLE).ravel().toDoubleVector();
    double[] w = want.ravel().toDoubleVector();
    double[] g = got.castTo(DataType.DOUBLE).ravel().toDoubleVector();
    for (int i = 0; i < w.length; i++) {
      double ulpOfX = Math.ulp(Math.max(1f, (float) Math.abs(in[i])));
      assertTrue(
          Math.abs(w[i] - g[i]) <= slack + 4 * ulpOfX + 1e-5 * Math.abs(w[i]),
          what + " at element " + i + ": " + g[i] + ", reference " + w[i]);
    }
  }

  @Test
  void refusesWhatItCannotRunAndTouchesNothing() {
    FastElementwise relu = OneDnnEltwise.of(OneDnnEltwise.Algorithm.RELU);
    INDArray x = maps(3);
    INDArray everyOther = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 5));
    INDArray before = everyOther.dup();
    assertFalse(relu.forward(everyOther), "a strided view is not one dense vector");
    assertEquals(before, everyOther);
    INDArray inDouble = x.castTo(DataType.DOUBLE);
    assertFalse(relu.forward(inDouble), "double precision takes the reference path");
    assertFalse(
        relu.backward(x.dup(), x.dup('f')), "an ε laid out differently pairs other elements");
    assertTrue(relu.forward(x), "a dense float array runs on oneDNN on this machine");
    assertTrue(x.minNumber().doubleValue() >= 0);
  }

  /**
   * PReLU's slopes are a [1, n] view of a broadcast, strided [n, 1] where a fresh array has [1, 1]:
   * both are dense, and the layer must not fall back to ND4J for it.
   */
  @Test
  void preluTakesTheSlopeRowTheLayerMakes() {
    INDArray x = maps(4).reshape('c', 3, 210);
    INDArray slopes =
        Nd4j.rand(DataType.FLOAT, 1, 1, 6).dup('c').broadcast(5, 7, 6).reshape('c', 1, 210);
    INDArray y = x.ulike();
    assertTrue(PReLUOnOneDnn.forward(x, slopes, y), "strides " + Arrays.toString(slopes.stride()));
    for (int i = 0; i < 210; i++) {
      double xi = x.getDouble(1, i);
      assertEquals(xi > 0 ? xi : slopes.getDouble(0, i) * xi, y.getDouble(1, i), 1e-6);
    }
  }

  /** zero_fit_linear on oneDNN keeps the reference's tie rule: the first minimum takes it all. */
  @Test
  void zeroFitLinearGivesTiesToTheFirstMinimumLikeTheReference() {
    IActivation f =
        HiddenActivations.create(ActivationSpec.of(ActivationName.ZERO_FIT_LINEAR), true);
    INDArray x = maps(11);
    INDArray epsilon = maps(12);
    for (int sample = 0; sample < 3; sample++) {
      x.putScalar(new long[] {sample, 1, 2, 4}, -100f);
      x.putScalar(new long[] {sample, 3, 6, 4}, -100f);
    }
    INDArray gradient = f.backprop(x.dup(), epsilon).getFirst();
    INDArray want =
        f.backprop(x.castTo(DataType.DOUBLE), epsilon.castTo(DataType.DOUBLE)).getFirst();
    assertClose("zero_fit_linear with ties", x, want, gradient);
    assertEquals(
        epsilon.getDouble(0, 3, 6, 4), gradient.getDouble(0, 3, 6, 4), 1e-6, "second minimum");
  }

  /** Its groups in every layout a network hands it: NHWC and NCHW maps, dense rows. */
  @Test
  void zeroFitLinearMatchesTheReferenceInEveryLayout() {
    INDArray maps = maps(13);
    INDArray epsilon = maps(14);
    Object[][] layouts = {
      {true, maps, epsilon},
      {false, maps, epsilon},
      {false, maps.reshape('c', 15, 42), epsilon.reshape('c', 15, 42)}
    };
    for (Object[] layout : layouts) {
      IActivation f =
          HiddenActivations.create(
              ActivationSpec.of(ActivationName.ZERO_FIT_LINEAR), (Boolean) layout[0]);
      INDArray x = (INDArray) layout[1];
      INDArray e = (INDArray) layout[2];
      String what = "zero_fit_linear channelsLast=" + layout[0] + " rank " + x.rank();
      assertClose(
          what + " f",
          x,
          f.getActivation(x.castTo(DataType.DOUBLE), true),
          f.getActivation(x.dup(), true));
      // each group's minimum takes Σ ε, a float sum of up to 42 values of about 1 here
      assertClose(
          what + " f'·ε",
          x,
          f.backprop(x.castTo(DataType.DOUBLE), e.castTo(DataType.DOUBLE)).getFirst(),
          f.backprop(x.dup(), e.dup()).getFirst(),
          1e-5);
    }
  }

  @Test
  void networkConfigurationsKeepTheirActivationsThroughJson() {
    for (ActivationSpec spec :
        new ActivationSpec[] {
          ActivationSpec.of(ActivationName.SELU),
          new ActivationSpec(ActivationName.LEAKY_RELU, Map.of("alpha", "0.2")),
          ActivationSpec.of(ActivationName.SOFTPLUS_LINEAR)
        }) {
      MultiLayerConfiguration conf =
          new NeuralNetConfiguration.Builder()
              .list()
              .layer(
                  new DenseLayer.Builder()
                      .nIn(4)
                      .nOut(3)
                      .activation(HiddenActivations.create(spec))
                      .build())
              .layer(new OutputLayer.Builder().nIn(3).nOut(2).build())
              .build();
      MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
      assertEquals(conf, back, spec.label());
      INDArray x =
          maps(5).reshape(90, 7).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4)).dup();
      IActivation before = ((DenseLayer) conf.getConf(0).getLayer()).getActivationFn();
      IActivation after = ((DenseLayer) back.getConf(0).getLayer()).getActivationFn();
      assertEquals(before.getActivation(x.dup(), true), after.getActivation(x.dup(), true));
    }
  }
}
