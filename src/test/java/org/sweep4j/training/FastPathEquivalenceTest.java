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
   * The two paths may differ by at most this fraction of how far training moved the weights (Adam moves each
   * weight by about the learning rate per step, so {@link #STEPS} steps move them by up to ~STEPS × lr).
   */
  private static final double RELATIVE_TOLERANCE = 0.02;
  private static final double LOSS_TOLERANCE = 1e-3;
  private static final int STEPS = 8;

  @AfterEach
  void restoreHelpers() {
    Nd4j.getEnvironment().allowHelpers(true);
  }

  @Test
  void oneDnnTrainsLikeTheReferencePath() {
    assumeTrue(NativeBackend.ONEDNN_AVX2.equals(NativeBackend.select()), "this CPU runs the generic build only");
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

      double moved = fast.params().sub(initialParams(trial)).amaxNumber().doubleValue();
      assertTrue(moved > 0.01, architecture + ": training moved weights only " + moved);
      double difference = fast.params().sub(reference.params()).amaxNumber().doubleValue();
      assertTrue(difference < RELATIVE_TOLERANCE * moved, architecture + ": max parameter difference " + difference
          + " against a movement of " + moved);
      assertEquals(reference.score(), fast.score(), LOSS_TOLERANCE, architecture + ": final minibatch loss");
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
