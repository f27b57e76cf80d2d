package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
import org.sweep4j.data.Minibatches;
import org.sweep4j.data.SyntheticCifar;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.results.LayerStatRow;

class LayerProbeTest {
  private static MultiLayerNetwork network(ActivationName activation, String architecture) {
    TrialSpec trial =
        new TrialSpec(
            "probe",
            ActivationSpec.of(activation),
            Architecture.parse(architecture),
            3,
            new DatasetSpec(DataSource.SYNTHETIC, null, 10, 10),
            new TrainingSpec(1, 16, Optimizer.ADAM, 1e-3, 0),
            new DistributionSpec(1, 1, 16));
    MultiLayerNetwork network = new MultiLayerNetwork(ModelFactory.build(trial));
    network.init();
    return network;
  }

  private static DataSet probe() {
    return Minibatches.fromImages(SyntheticCifar.images(16, 11), "probe");
  }

  private static Map<String, Double> byKey(List<LayerStatRow> rows) {
    return rows.stream()
        .collect(Collectors.toMap(r -> r.layer() + " " + r.measure().label(), LayerStatRow::value));
  }

  @Test
  void measuresEveryHiddenLayerAndLeavesTheNetworkAlone() {
    MultiLayerNetwork network = network(ActivationName.RELU, "deep_cnn");
    INDArray before = network.params().dup();
    Map<String, Double> stats = byKey(LayerProbe.measure("t", 1, network, probe()));
    for (String layer : List.of("conv1", "conv2", "conv3", "conv4", "dense1")) {
      double mean = stats.get(layer + " activation_mean");
      assertTrue(mean > 0, layer + ": ReLU outputs average above 0, found " + mean);
      assertTrue(stats.get(layer + " activation_sd") > 0, layer);
      double dead = stats.get(layer + " dead_fraction");
      assertTrue(
          dead >= 0 && dead < 0.5,
          layer + ": a fresh Glorot network has few dead units, found " + dead);
      assertTrue(stats.get(layer + " gradient_l2") > 0, layer);
    }
    assertTrue(stats.get("output gradient_l2") > 0);
    assertEquals(5 * 4 + 1, stats.size(), stats.toString());
    assertEquals(before, network.params(), "probing must not change the trained weights");
  }

  @Test
  void gradientNormIsOfTheMeanLossSoItDoesNotGrowWithTheBatch() {
    MultiLayerNetwork network = network(ActivationName.TANH, "small_cnn");
    DataSet once = probe();
    DataSet twice = DataSet.merge(List.of(once, once));
    Map<String, Double> single = byKey(LayerProbe.measure("t", 1, network, once));
    Map<String, Double> doubled = byKey(LayerProbe.measure("t", 1, network, twice));
    for (String layer : List.of("conv1", "conv2", "output")) {
      assertEquals(
          single.get(layer + " gradient_l2"),
          doubled.get(layer + " gradient_l2"),
          1e-4 * single.get(layer + " gradient_l2"),
          layer);
    }
  }

  @Test
  void unitsThatNeverFireAreDeadAndPassNoGradient() {
    MultiLayerNetwork network = network(ActivationName.RELU, "small_cnn");
    // A bias far below any weighted sum keeps every conv1 unit at 0 on every image: all dead.
    network.getLayer(0).getParam("b").assign(-100);
    Map<String, Double> stats = byKey(LayerProbe.measure("t", 2, network, probe()));
    assertEquals(1.0, stats.get("conv1 dead_fraction"));
    assertEquals(0.0, stats.get("conv1 activation_mean"));
    assertEquals(0.0, stats.get("conv1 gradient_l2"), "dead ReLUs pass no gradient back");
    assertEquals(
        1.0,
        stats.get("conv2 dead_fraction"),
        "a layer fed only zeros, with zero biases, never fires");
  }

  @Test
  void preluLayersAreReadAfterTheirSlopes() {
    MultiLayerNetwork network = network(ActivationName.PRELU, "small_cnn");
    network.getLayer(0).getParam("b").assign(-100);
    // With slopes at their initial 0, PReLU's output is max(x, 0): the pre-activation conv output
    // (all about
    // -100) would give a mean of -100, the activated one 0.
    Map<String, Double> stats = byKey(LayerProbe.measure("t", 1, network, probe()));
    assertEquals(0.0, stats.get("conv1 activation_mean"), 1e-6);
    assertEquals(1.0, stats.get("conv1 dead_fraction"));
  }

  @Test
  void deadFractionCountsChannelsOfFeatureMapsAndNeuronsOfDenseOutputs() {
    INDArray maps = Nd4j.zeros(2, 4, 3, 3);
    maps.putScalar(new long[] {1, 2, 2, 2}, 0.5);
    assertEquals(0.75, LayerProbe.deadFraction(maps, false));
    INDArray dense = Nd4j.create(new double[][] {{-1, 2, 0}, {-3, 0, 0}});
    assertEquals(2.0 / 3, LayerProbe.deadFraction(dense, false), 1e-12);
    // Channels-last maps [N, H, W, C]: still 4 channels, one alive (read as NCHW: 3 "channels", one
    // alive).
    INDArray channelsLast = Nd4j.zeros(2, 3, 3, 4);
    channelsLast.putScalar(new long[] {1, 2, 2, 2}, 0.5);
    assertEquals(0.75, LayerProbe.deadFraction(channelsLast, true));
  }
}
