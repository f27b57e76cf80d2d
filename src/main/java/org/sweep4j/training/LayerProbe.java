package org.sweep4j.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.results.LayerMeasure;
import org.sweep4j.results.LayerStatRow;

/**
 * Measures a trained network on a fixed probe batch (the {@code layer_stats} diagnostics): per
 * hidden layer, the mean and standard deviation of its activated outputs and the fraction of units
 * never positive; per parametrised layer, the L2 norm of the gradient of the mean loss over the
 * batch. Hidden layers are named by kind and position ({@code conv1}, {@code conv2}, {@code
 * dense1}, then {@code output}), the same in every activation's network so they can be compared;
 * with PReLU, a convolution's outputs are read after its slope layer.
 *
 * <p>Works on a copy with dropout switched off, so the trained network, its random state and its
 * training are untouched, and the gradients are those of the deterministic (inference) forward
 * pass.
 */
public final class LayerProbe {
  private LayerProbe() {}

  public static List<LayerStatRow> measure(
      String trialId, int epoch, MultiLayerNetwork trained, DataSet probe) {
    MultiLayerNetwork copy = trained.clone();
    for (Layer layer : copy.getLayers()) {
      layer.conf().getLayer().setIDropout(null);
    }
    Map<Integer, String> names = hiddenLayerNames(copy);
    List<LayerStatRow> rows = new ArrayList<>();
    activations(
        copy,
        names,
        probe,
        (layer, measure, value) ->
            rows.add(new LayerStatRow(trialId, epoch, layer, measure, value)));
    gradients(
        copy,
        names,
        probe,
        (layer, measure, value) ->
            rows.add(new LayerStatRow(trialId, epoch, layer, measure, value)));
    return rows;
  }

  /** Takes one measure of one layer. */
  @FunctionalInterface
  private interface Sink {
    void add(String layer, LayerMeasure measure, double value);
  }

  /** Mean, deviation and dead fraction of every hidden layer's activated outputs. */
  private static void activations(
      MultiLayerNetwork copy, Map<Integer, String> names, DataSet probe, Sink sink) {
    List<INDArray> outputs = copy.feedForward(probe.getFeatures(), false);
    for (Map.Entry<Integer, String> hidden : names.entrySet()) {
      int index = hidden.getKey();
      if (hidden.getValue().equals("output")) {
        continue;
      }
      boolean slopeFollows =
          index + 1 < copy.getnLayers()
              && copy.getLayer(index + 1).conf().getLayer() instanceof PReLULayer;
      // feedForward's list starts with the input: layer i's output is element i + 1.
      INDArray activated = outputs.get(slopeFollows ? index + 2 : index + 1);
      String name = hidden.getValue();
      sink.add(name, LayerMeasure.ACTIVATION_MEAN, activated.meanNumber().doubleValue());
      sink.add(name, LayerMeasure.ACTIVATION_SD, activated.stdNumber().doubleValue());
      boolean channelsLast = channelsLast(copy.getLayer(index).conf().getLayer());
      sink.add(name, LayerMeasure.DEAD_FRACTION, deadFraction(activated, channelsLast));
    }
  }

  /** The L2 norm of every parametrised layer's gradient of the mean probe loss. */
  private static void gradients(
      MultiLayerNetwork copy, Map<Integer, String> names, DataSet probe, Sink sink) {
    copy.setInput(probe.getFeatures());
    copy.setLabels(probe.getLabels());
    copy.computeGradientAndScore();
    Map<String, INDArray> gradients = copy.gradient().gradientForVariable();
    // DL4J's raw gradients are sums over the minibatch (its updater divides them): report the
    // mean loss's.
    long batch = probe.getFeatures().size(0);
    for (Map.Entry<Integer, String> layer : names.entrySet()) {
      double squares = 0;
      for (Map.Entry<String, INDArray> gradient : gradients.entrySet()) {
        if (gradient.getKey().startsWith(layer.getKey() + "_")) {
          double norm = gradient.getValue().norm2Number().doubleValue();
          squares += norm * norm;
        }
      }
      sink.add(layer.getValue(), LayerMeasure.GRADIENT_L2, Math.sqrt(squares) / batch);
    }
  }

  /** Index → name of every convolution, dense and output layer, in network order. */
  static Map<Integer, String> hiddenLayerNames(MultiLayerNetwork network) {
    Map<Integer, String> names = new LinkedHashMap<>();
    int convs = 0;
    int denses = 0;
    for (int i = 0; i < network.getnLayers(); i++) {
      org.deeplearning4j.nn.conf.layers.Layer conf = network.getLayer(i).conf().getLayer();
      if (conf instanceof OutputLayer) {
        names.put(i, "output");
      } else if (conf instanceof ConvolutionLayer) {
        names.put(i, "conv" + ++convs);
      } else if (conf instanceof DenseLayer) {
        names.put(i, "dense" + ++denses);
      }
    }
    return names;
  }

  private static boolean channelsLast(org.deeplearning4j.nn.conf.layers.Layer conf) {
    return conf instanceof ConvolutionLayer conv && conv.getCnn2dDataFormat() == CNN2DFormat.NHWC;
  }

  /**
   * The fraction of units never positive over the batch: a unit is a channel of a [N, C, H, W]
   * output, or of an [N, H, W, C] one when {@code channelsLast} (all its positions), or a neuron of
   * a [N, U] output.
   */
  static double deadFraction(INDArray activated, boolean channelsLast) {
    INDArray perUnit =
        activated.rank() != 4
            ? activated.max(0)
            : channelsLast ? activated.max(0, 1, 2) : activated.max(0, 2, 3);
    long units = perUnit.length();
    long alive =
        perUnit.gt(0).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
    return (double) (units - alive) / units;
  }
}
