package org.sweep4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.data.ImageSet;
import org.sweep4j.data.Minibatches;
import org.sweep4j.data.SyntheticCifar;
import org.sweep4j.grid.TrialSpec;

/**
 * {@link ModelFactory} has conv layers keep their pre-activations from the forward pass for the
 * backward pass instead of convolving again; that must change nothing in what is learned, dropout
 * included.
 */
class PreActivationCacheTest {
  private static final int STEPS = 3;
  private static final int BATCH = 16;

  @ParameterizedTest
  @CsvSource({"small_cnn, relu", "small_cnn, selu", "deep_cnn, relu", "deep_cnn, gelu"})
  void cachedPreActivationsTrainExactlyLikeRecomputedOnes(String architecture, String activation) {
    TrialSpec trial =
        ModelFactoryTest.trial(Architecture.parse(architecture), ActivationSpec.parse(activation));
    MultiLayerConfiguration cached = ModelFactory.build(trial);
    assertEquals(CacheMode.DEVICE, cached.getCacheMode());
    MultiLayerConfiguration recomputed = MultiLayerConfiguration.fromJson(cached.toJson());
    recomputed.setCacheMode(CacheMode.NONE);
    recomputed.getConfs().forEach(layer -> layer.setCacheMode(CacheMode.NONE));

    MultiLayerNetwork withCache = train(cached);
    MultiLayerNetwork without = train(recomputed);

    ConvolutionLayer conv = (ConvolutionLayer) withCache.getLayer(0);
    assertNotNull(conv.getPreOutput(), "the forward pass should have cached its pre-activations");
    assertNull(
        ((ConvolutionLayer) without.getLayer(0)).getPreOutput(),
        "the comparison run should recompute");
    assertNotEquals(initialParams(cached), withCache.params(), "training should move the weights");
    assertEquals(without.params(), withCache.params());
  }

  private static MultiLayerNetwork train(MultiLayerConfiguration conf) {
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init(); // seeds the random stream dropout draws from, so both runs get the same masks
    ImageSet images = SyntheticCifar.images(BATCH * STEPS, 3);
    for (int step = 0; step < STEPS; step++) {
      network.fit(
          Minibatches.fromRecords(images.records(step * BATCH, (step + 1) * BATCH), "cache"));
    }
    return network;
  }

  private static INDArray initialParams(MultiLayerConfiguration conf) {
    MultiLayerNetwork fresh = new MultiLayerNetwork(conf.clone());
    fresh.init();
    return fresh.params();
  }
}
