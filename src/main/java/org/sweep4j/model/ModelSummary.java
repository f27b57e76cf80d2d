package org.sweep4j.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.sweep4j.data.ImageSet;

/**
 * A Keras-like summary of a configuration (layer, output shape, parameters), computed without
 * allocating weights.
 */
public record ModelSummary(List<Row> rows, long totalParams) {

  /**
   * One layer: its type, its output shape as (channels, height, width) or (features), its parameter
   * count.
   */
  public record Row(String layer, String outputShape, long params) {}

  public ModelSummary {
    rows = List.copyOf(rows);
  }

  public static ModelSummary of(MultiLayerConfiguration conf) {
    List<InputType> outputs =
        conf.getLayerActivationTypes(
            InputType.convolutional(ImageSet.SIDE, ImageSet.SIDE, ImageSet.CHANNELS));
    List<Row> rows = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < conf.getConfs().size(); i++) {
      NeuralNetConfiguration layerConf = conf.getConf(i);
      Layer layer = layerConf.getLayer();
      long params = layer.initializer().numParams(layerConf);
      total += params;
      rows.add(new Row(describe(layer), shape(outputs.get(i)), params));
    }
    return new ModelSummary(rows, total);
  }

  private static String describe(Layer layer) {
    String type = layer.getClass().getSimpleName().replace("Layer", "");
    if (layer
        instanceof
        ConvolutionLayer
            conv) { // DL4J's or sweep4j's channels-last one: the same layer to a reader
      return "Convolution "
          + conv.getKernelSize()[0]
          + "x"
          + conv.getKernelSize()[1]
          + " "
          + (conv.getConvolutionMode() == org.deeplearning4j.nn.conf.ConvolutionMode.Same
              ? "same"
              : "valid");
    }
    return type.isEmpty() ? "Output" : type;
  }

  private static String shape(InputType type) {
    // (channels, height, width) whether the network keeps its maps channels-first or channels-last
    long[] shape =
        type instanceof InputType.InputTypeConvolutional maps
            ? new long[] {maps.getChannels(), maps.getHeight(), maps.getWidth()}
            : type.getShape(false);
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      out.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return out.append(")").toString();
  }

  /** The table {@code sweep4j plan} prints. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("  %-22s %-16s %12s%n", "layer", "output shape", "params"));
    for (Row row : rows) {
      out.append(
          String.format("  %-22s %-16s %,12d%n", row.layer(), row.outputShape(), row.params()));
    }
    out.append(String.format("  %-22s %-16s %,12d%n", "total", "", totalParams));
    return out.toString();
  }
}
