package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
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
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;

/**
 * The oneDNN fast path must learn what the reference path (DL4J's im2col + GEMM, no native helpers) learns.
 * Both train the same network from the same weights on the same minibatches; float32 convolution algorithms
 * round differently, so parameters agree to a stated tolerance, not bit for bit. Dropout is switched off for
 * the comparison: the two paths draw their dropout masks from the random stream in a different order, so with
 * dropout they train on different (equally valid) masks.
 */
class FastPathEquivalenceTest {
  /**
   * The two paths' weights may differ by at most this fraction of how far training moved them, both measured as
   * L2 norms over all weights. Not the largest single difference, and not tighter: Adam moves a weight by about
   * the learning rate per step however small its gradient, so rounding alone sends some weights different ways.
   * Changing nothing but OpenBLAS's thread count (1 or 2) on the reference path moved the small CNN's weights
   * apart by 3.7% of their movement (1,076 of 42,442 by more than 0.001), while its predicted probabilities
   * moved by at most 0.0008: which is why the predictions are compared too, more tightly.
   */
  private static final double RELATIVE_TOLERANCE = 0.05;
  /** Largest difference allowed between the two paths' predicted class probabilities on unseen images. */
  private static final double PROBABILITY_TOLERANCE = 0.005;
  private static final double LOSS_TOLERANCE = 1e-3;
  private static final int STEPS = 8;

  @AfterEach
  void restoreHelpers() {
    Nd4j.getEnvironment().allowHelpers(true);
  }

  @Test
  void oneDnnTrainsLikeTheReferencePath() {
    assumeTrue(NativeBackend.ONEDNN_AVX2.equals(NativeBackend.select()), "this CPU runs the generic build only");
    NativeThreads.set(Runtime.getRuntime().availableProcessors()); // as a single-JVM run, whatever ran before
    for (Architecture architecture : Architecture.all()) {
      TrialSpec trial = new TrialSpec("eq", ActivationSpec.of(ActivationName.RELU), architecture, 5,
          new DatasetSpec(DataSource.SYNTHETIC, null, 10, 10), new TrainingSpec(1, 16, Optimizer.ADAM, 5e-3, 0),
          new DistributionSpec(1, 1, 16));
      Nd4j.getEnvironment().allowHelpers(false);
      MultiLayerNetwork reference = train(trial);
      assertNull(((ConvolutionLayer) reference.getLayer(0)).getHelper(), "reference path must not use oneDNN");
      Nd4j.getEnvironment().allowHelpers(true);
      MultiLayerNetwork fast = train(trial);
      assertNotNull(((ConvolutionLayer) fast.getLayer(0)).getHelper(), "fast path must use the oneDNN helper");

      INDArray movement = fast.params().sub(initialParams(trial));
      assertTrue(movement.amaxNumber().doubleValue() > 0.01, architecture + ": training barely moved the weights");
      double moved = movement.norm2Number().doubleValue();
      double difference = fast.params().sub(reference.params()).norm2Number().doubleValue();
      assertTrue(difference < RELATIVE_TOLERANCE * moved, architecture + ": parameters differ by " + difference
          + " (L2) against a movement of " + moved);
      assertEquals(reference.score(), fast.score(), LOSS_TOLERANCE, architecture + ": final minibatch loss");
      INDArray unseen = Minibatches.fromRecords(SyntheticCifar.images(64, 99).records(0, 64), "unseen").getFeatures();
      double probabilities = fast.output(unseen).sub(reference.output(unseen)).amaxNumber().doubleValue();
      assertTrue(probabilities < PROBABILITY_TOLERANCE, architecture + ": predicted probabilities differ by "
          + probabilities);
    }
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

  private static INDArray initialParams(TrialSpec trial) {
    MultiLayerNetwork fresh = new MultiLayerNetwork(withoutDropout(trial));
    fresh.init();
    return fresh.params();
  }

  private static MultiLayerNetwork train(TrialSpec trial) {
    MultiLayerNetwork network = new MultiLayerNetwork(withoutDropout(trial));
    network.init();
    ImageSet images = SyntheticCifar.images(16 * STEPS, 9);
    for (int step = 0; step < STEPS; step++) {
      network.fit(Minibatches.fromRecords(images.records(step * 16, (step + 1) * 16), "equivalence"));
    }
    return network;
  }
}
