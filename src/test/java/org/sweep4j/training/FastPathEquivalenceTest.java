package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
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
import org.sweep4j.dl4jm2.ChannelsLastConvolution;
import org.sweep4j.dl4jm2.NativeBackend;
import org.sweep4j.dl4jm2.NativeThreads;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;

/**
 * The oneDNN fast paths must learn what the reference path (DL4J's im2col + GEMM, no native
 * helpers) learns. Both train the same network from the same weights on the same minibatches;
 * float32 convolution algorithms round differently, so results agree to stated tolerances, not bit
 * for bit. Dropout is switched off for the comparison: the two paths draw their dropout masks from
 * the random stream in a different order, so with dropout they train on different (equally valid)
 * masks.
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
        NativeBackend.ONEDNN_AVX2.equals(NativeBackend.select()),
        "this CPU runs the generic build only");
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
    Map<String, INDArray> expected = gradients(reference, first);
    Map<String, INDArray> actual = gradients(fast, first);
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

    for (int step = 0; step < STEPS; step++) {
      DataSet minibatch =
          Minibatches.fromRecords(images.records(step * 16, (step + 1) * 16), "equivalence");
      reference.fit(minibatch);
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

  private static Map<String, INDArray> gradients(MultiLayerNetwork network, DataSet minibatch) {
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

  private static MultiLayerConfiguration withoutDropout(TrialSpec trial) {
    MultiLayerConfiguration conf = ModelFactory.build(trial);
    for (NeuralNetConfiguration layer : conf.getConfs()) {
      if (layer.getLayer() instanceof DropoutLayer dropout) {
        dropout.setIDropout(null);
      }
    }
    return conf;
  }

  private static MultiLayerNetwork network(TrialSpec trial) {
    MultiLayerNetwork network = new MultiLayerNetwork(withoutDropout(trial));
    network.init();
    return network;
  }
}
