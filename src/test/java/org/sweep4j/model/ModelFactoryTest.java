package org.sweep4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.Optimizer;
import org.sweep4j.config.TrainingSpec;
import org.sweep4j.config.WeightInit;
import org.sweep4j.grid.TrialSpec;

class ModelFactoryTest {
  static TrialSpec trial(Architecture architecture, ActivationSpec activation) {
    return new TrialSpec(
        "t",
        activation,
        architecture,
        1,
        new DatasetSpec(DataSource.SYNTHETIC, null, 10, 10),
        new TrainingSpec(1, 10, Optimizer.ADAM, 1e-3, 0),
        new DistributionSpec(1, 1, 10));
  }

  private static long params(Architecture architecture, ActivationName activation) {
    return ModelSummary.of(ModelFactory.build(trial(architecture, ActivationSpec.of(activation))))
        .totalParams();
  }

  @Test
  void parameterCountsMatchTheKerasModels() {
    assertEquals(42_442, params(Architecture.parse("small_cnn"), ActivationName.RELU));
    assertEquals(1_250_858, params(Architecture.parse("deep_cnn"), ActivationName.RELU));
  }

  @Test
  void aNewArchitectureIsOneClass() {
    // TinyCnn exists only under src/test: conv 4 (3x3x3x4 + 4 = 112), pool, dense 10 (15x15x4x10 +
    // 10 = 9,010).
    assertEquals(
        9_122,
        ModelSummary.of(
                ModelFactory.build(
                    trial(Architecture.parse("tiny_cnn"), ActivationSpec.of(ActivationName.RELU))))
            .totalParams());
  }

  @Test
  void preluAddsOneSlopePerChannelOrUnit() {
    // small: 32 + 64 channel slopes; deep: 32 + 32 + 64 + 64 channel slopes and 512 unit slopes.
    assertEquals(42_442 + 96, params(Architecture.parse("small_cnn"), ActivationName.PRELU));
    assertEquals(
        1_250_858 + 192 + 512, params(Architecture.parse("deep_cnn"), ActivationName.PRELU));
  }

  @Test
  void kerasDefaultsAreSetExplicitly() {
    MultiLayerConfiguration conf =
        ModelFactory.build(
            trial(Architecture.parse("deep_cnn"), ActivationSpec.of(ActivationName.SELU)));
    BaseLayer first = (BaseLayer) conf.getConf(0).getLayer();
    assertTrue(
        first.getWeightInitFn() instanceof WeightInitXavierUniform,
        String.valueOf(first.getWeightInitFn()));
    assertEquals(0.0, first.getBiasInit());
    Adam adam = (Adam) first.getIUpdater();
    assertEquals(1e-3, adam.getLearningRate());
    assertEquals(1e-7, adam.getEpsilon());
    assertEquals("selu", first.getActivationFn().toString().toLowerCase());
    DropoutLayer dropout = (DropoutLayer) conf.getConf(3).getLayer();
    // Keras Dropout(0.25) drops a quarter; DL4J's value is the fraction kept.
    assertTrue(dropout.getIDropout().toString().contains("0.75"), dropout.getIDropout().toString());
  }

  @Test
  void everyActivationSurvivesTheJsonTripToExecutors() {
    for (ActivationName name : ActivationName.values()) {
      for (Architecture architecture : Architecture.all()) {
        MultiLayerConfiguration conf =
            ModelFactory.build(trial(architecture, ActivationSpec.of(name)));
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back, name + " on " + architecture);
      }
    }
    MultiLayerConfiguration gelu =
        ModelFactory.build(
            trial(
                Architecture.parse("small_cnn"),
                new ActivationSpec(ActivationName.GELU, Map.of("approximation", "tanh"))));
    assertEquals(gelu, MultiLayerConfiguration.fromJson(gelu.toJson()));
  }

  @Test
  void dropoutScaleAndWeightInitReachTheNetwork() {
    Architecture deep = Architecture.parse("deep_cnn");
    java.util.function.Function<TrainingSpec, MultiLayerConfiguration> build =
        training ->
            ModelFactory.build(
                new TrialSpec(
                    "t",
                    ActivationSpec.of(ActivationName.SELU),
                    deep,
                    1,
                    new DatasetSpec(DataSource.SYNTHETIC, null, 10, 10),
                    training,
                    new DistributionSpec(1, 1, 10)));
    java.util.function.Function<MultiLayerConfiguration, java.util.List<Double>> dropped =
        conf -> {
          java.util.List<Double> rates = new java.util.ArrayList<>();
          for (int i = 0; i < conf.getConfs().size(); i++) {
            if (conf.getConf(i).getLayer() instanceof DropoutLayer layer) {
              rates.add(
                  Math.round(
                          (1
                                  - ((org.deeplearning4j.nn.conf.dropout.Dropout)
                                          layer.getIDropout())
                                      .getP())
                              * 1000)
                      / 1000.0);
            }
          }
          return rates;
        };
    assertEquals(
        java.util.List.of(0.25, 0.25, 0.5),
        dropped.apply(
            build.apply(
                new TrainingSpec(
                    1, 10, Optimizer.ADAM, 1e-3, 0, 0, 1.0, WeightInit.GLOROT_UNIFORM, null))),
        "the architecture's own rates at scale 1");
    assertEquals(
        java.util.List.of(0.5, 0.5, 0.9),
        dropped.apply(
            build.apply(
                new TrainingSpec(
                    1,
                    10,
                    Optimizer.ADAM,
                    1e-3,
                    0,
                    0,
                    2.0,
                    org.sweep4j.config.WeightInit.GLOROT_UNIFORM,
                    null))),
        "doubled, capped at 0.9");
    MultiLayerConfiguration none =
        build.apply(
            new TrainingSpec(
                1,
                10,
                Optimizer.ADAM,
                1e-3,
                0,
                0,
                0.0,
                org.sweep4j.config.WeightInit.LECUN_NORMAL,
                null));
    assertEquals(java.util.List.of(), dropped.apply(none), "scale 0 leaves the dropout layers out");
    assertEquals(1_250_858, ModelSummary.of(none).totalParams());
    assertTrue(
        ((BaseLayer) none.getConf(0).getLayer()).getWeightInitFn()
            instanceof org.deeplearning4j.nn.weights.WeightInitNormal,
        String.valueOf(((BaseLayer) none.getConf(0).getLayer()).getWeightInitFn()));
  }
}
