package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.Optimizer;
import org.sweep4j.config.TrainingSpec;
import org.sweep4j.data.ImageSet;
import org.sweep4j.data.Minibatches;
import org.sweep4j.data.SyntheticCifar;
import org.sweep4j.dl4jm2.ChannelsLastConvLayer;
import org.sweep4j.dl4jm2.ChannelsLastConvolution;
import org.sweep4j.dl4jm2.NativeThreads;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;

/**
 * The oneDNN fast paths must learn what the reference path (DL4J's im2col + GEMM, no native
 * helpers) learns. Both train the same network from the same weights on the same minibatches;
 * float32 convolution algorithms round differently, so results agree to stated tolerances, not bit
 * for bit. Dropout stays on (deep_cnn has three dropout layers): both paths draw their masks from a
 * random stream seeded alike before every step, so they drop the same units, and a gradient drawn
 * with other masks is asserted to differ, so the masks are seen to matter. The test runs once per
 * native ND4J build (the generic one in its own JVM, see the pom), since the oneDNN convolution is
 * used on both.
 *
 * <p>Two checks. One training step's gradients, parameter by parameter, agree tightly: this is
 * where a wrong convolution shows. After several Adam steps the losses and predicted probabilities
 * agree; the weights themselves are not compared. Rounding flips the odd max-pooling window's
 * argmax or leaves a dead ReLU unit's gradient at 1e-9 instead of 0, and Adam turns any such
 * gradient into a step of the full learning rate: after 8 steps the two paths' weights differed by
 * 7–16% of their movement (L2), for DL4J's own oneDNN helper (on NCHW maps) as much as for
 * sweep4j's convolution, while predictions differed by less than 0.001.
 */
class FastPathEquivalenceTest {
  /**
   * Largest difference allowed in a parameter's first-step gradient, relative to the gradient, as
   * L2 norms. Most agree to 1e-5; not tighter, because a pre-activation within rounding of 0 can be
   * 0 on one path and 3e-7 on the other, and max-pooling then routes a whole window's gradient
   * through that ReLU or not: measured up to 1% on the small CNN (sweep4j's convolution) and 0.25%
   * (DL4J's oneDNN helper). A wrong convolution is off by tens of percent; {@code
   * ChannelsLastConvolutionTest} checks it to 1e-5 on data without such ties.
   */
  private static final double GRADIENT_TOLERANCE = 0.02;

  /**
   * Largest difference allowed between the two paths' predicted class probabilities on unseen
   * images.
   */
  private static final double PROBABILITY_TOLERANCE = 0.005;

  private static final double LOSS_TOLERANCE = 2e-3;
  private static final int STEPS = 8;

  @AfterEach
  void restoreHelpers() {
    Nd4j.getEnvironment().allowHelpers(true);
  }

  @Test
  void oneDnnTrainsLikeTheReferencePath() {
    assumeTrue(
        ChannelsLastConvLayer.computesOnOneDnn(),
        "oneDNN did not load on this machine (see the warning logged), so there is no fast path");
    NativeThreads.set(
        Runtime.getRuntime().availableProcessors()); // as a single-JVM run, whatever ran before
    // PReLU: its slope layer on channels-last maps, and no exact zeros in the gradients;
    // zero_fit_linear: a
    // per-channel minimum, the one activation that must know where the channels are.
    for (ActivationName activation :
        new ActivationName[] {
          ActivationName.RELU, ActivationName.PRELU, ActivationName.ZERO_FIT_LINEAR
        }) {
      for (Architecture architecture : Architecture.all()) {
        compare(
            new TrialSpec(
                "eq",
                ActivationSpec.of(activation),
                architecture,
                5,
                new DatasetSpec(DataSource.SYNTHETIC, null, 10, 10),
                new TrainingSpec(1, 16, Optimizer.ADAM, 1e-3, 0),
                new DistributionSpec(1, 1, 16)),
            architecture + " " + activation);
      }
    }
  }

  private static void compare(TrialSpec trial, String label) {
    Nd4j.getEnvironment().allowHelpers(false);
    MultiLayerNetwork reference = network(trial);
    Nd4j.getEnvironment().allowHelpers(true);
    MultiLayerNetwork fast = network(trial);
    assertFalse(usesOneDnn(reference), label + ": reference path must not use oneDNN");
    assertTrue(usesOneDnn(fast), label + ": fast path must use oneDNN");
    INDArray initial = fast.params().dup();
    ImageSet images = SyntheticCifar.images(16 * STEPS, 9);

    DataSet first = Minibatches.fromRecords(images.records(0, 16), "equivalence");
    Map<String, INDArray> expected = gradients(reference, first, 1);
    Map<String, INDArray> actual = gradients(fast, first, 1);
    double whole =
        Math.sqrt(
            expected.values().stream()
                .mapToDouble(g -> Math.pow(g.norm2Number().doubleValue(), 2))
                .sum());
    assertTrue(whole > 0, label + ": the gradient vanished");
    for (Map.Entry<String, INDArray> parameter : expected.entrySet()) {
      // A gradient that is zero in exact arithmetic (zero_fit_linear's biases: shifting a channel
      // changes nothing)
      // is rounding noise on both paths; such a parameter is held to a thousandth of the whole
      // gradient.
      double size = Math.max(parameter.getValue().norm2Number().doubleValue(), 1e-3 * whole);
      double difference =
          parameter.getValue().sub(actual.get(parameter.getKey())).norm2Number().doubleValue();
      assertTrue(
          difference <= GRADIENT_TOLERANCE * size,
          label
              + ": first-step gradient of "
              + parameter.getKey()
              + " differs by "
              + difference
              + " (L2; compared with "
              + size
              + ")");
    }

    if (hasDropout(reference)) {
      assertMasksMatter(reference, first, expected, label);
    }
    for (int step = 0; step < STEPS; step++) {
      DataSet minibatch =
          Minibatches.fromRecords(images.records(step * 16, (step + 1) * 16), "equivalence");
      Nd4j.getRandom().setSeed(100 + step);
      reference.fit(minibatch);
      Nd4j.getRandom().setSeed(100 + step);
      fast.fit(minibatch);
    }
    assertTrue(
        fast.params().sub(initial).amaxNumber().doubleValue() > 0.005,
        label + ": training barely moved");
    assertEquals(reference.score(), fast.score(), LOSS_TOLERANCE, label + ": final minibatch loss");
    INDArray unseen =
        Minibatches.fromRecords(SyntheticCifar.images(64, 99).records(0, 64), "unseen")
            .getFeatures();
    double probabilities =
        fast.output(unseen).sub(reference.output(unseen)).amaxNumber().doubleValue();
    assertTrue(
        probabilities < PROBABILITY_TOLERANCE,
        label + ": predicted probabilities differ by " + probabilities);
  }

  /** Other dropout masks give a gradient far outside the tolerance the paths are held to. */
  private static void assertMasksMatter(
      MultiLayerNetwork network, DataSet minibatch, Map<String, INDArray> seeded, String label) {
    Map<String, INDArray> otherMasks = gradients(network, minibatch, 2);
    double most = 0;
    for (Map.Entry<String, INDArray> parameter : seeded.entrySet()) {
      double size = parameter.getValue().norm2Number().doubleValue();
      double difference =
          parameter.getValue().sub(otherMasks.get(parameter.getKey())).norm2Number().doubleValue();
      most = Math.max(most, difference / size);
    }
    assertTrue(
        most > 5 * GRADIENT_TOLERANCE,
        label + ": other dropout masks should change the gradient, changed it by " + most);
  }

  private static boolean hasDropout(MultiLayerNetwork network) {
    for (NeuralNetConfiguration layer : network.getLayerWiseConfigurations().getConfs()) {
      if (layer.getLayer() instanceof DropoutLayer) {
        return true;
      }
    }
    return false;
  }

  /** One step's gradients, with dropout masks drawn from a stream seeded with {@code masks}. */
  private static Map<String, INDArray> gradients(
      MultiLayerNetwork network, DataSet minibatch, long masks) {
    Nd4j.getRandom().setSeed(masks);
    network.setInput(minibatch.getFeatures());
    network.setLabels(minibatch.getLabels());
    network.computeGradientAndScore();
    Map<String, INDArray> copies = new LinkedHashMap<>();
    network
        .gradient()
        .gradientForVariable()
        .forEach((name, gradient) -> copies.put(name, gradient.dup()));
    return copies;
  }

  private static boolean usesOneDnn(MultiLayerNetwork network) {
    return ((ChannelsLastConvolution) network.getLayer(0)).usesOneDnn();
  }

  private static MultiLayerNetwork network(TrialSpec trial) {
    MultiLayerNetwork network = new MultiLayerNetwork(ModelFactory.build(trial));
    network.init();
    return network;
  }
}
