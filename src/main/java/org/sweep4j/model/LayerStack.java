package org.sweep4j.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.dl4jm2.ChannelsLastConvLayer;
import org.sweep4j.dl4jm2.MaxPool2x2Layer;
import org.sweep4j.dl4jm2.NchwToNhwcPreProcessor;
import org.sweep4j.dl4jm2.PReLUSlopeLayer;

/**
 * Appends Keras-style layers to a DL4J list builder, putting the trial's activation after every
 * hidden layer and keeping track of the feature-map shape (PReLU layers need it).
 */
public final class LayerStack {
  private final NeuralNetConfiguration.ListBuilder list;
  private final ActivationSpec activation;
  private final double dropoutScale;
  private long channels;
  private long height;
  private long width;
  private int index;

  LayerStack(
      NeuralNetConfiguration.ListBuilder list,
      ActivationSpec activation,
      long channels,
      long height,
      long width) {
    this(list, activation, 1.0, channels, height, width);
  }

  /**
   * @param dropoutScale multiplies every dropout rate the architecture asks for (the trial's
   *     dropout_scale)
   */
  LayerStack(
      NeuralNetConfiguration.ListBuilder list,
      ActivationSpec activation,
      double dropoutScale,
      long channels,
      long height,
      long width) {
    this.list = list;
    this.activation = activation;
    this.dropoutScale = dropoutScale;
    // The data set's images are NCHW; from the first layer on the network keeps its maps NHWC
    // (channels-last),
    // which oneDNN convolves without converting layouts.
    list.inputPreProcessor(0, new NchwToNhwcPreProcessor());
    this.channels = channels;
    this.height = height;
    this.width = width;
  }

  /**
   * Conv2D with a 3×3 kernel, stride 1 ({@link ChannelsLastConvLayer}); 'same' keeps the size,
   * 'valid' shrinks it by 2.
   */
  public LayerStack conv3x3(int filters, boolean samePadding) {
    ConvolutionLayer.Builder conv =
        new ConvolutionLayer.Builder(3, 3)
            .stride(1, 1)
            .nOut(filters)
            .convolutionMode(samePadding ? ConvolutionMode.Same : ConvolutionMode.Truncate)
            .activation(HiddenActivations.create(activation, true));
    add(ChannelsLastConvLayer.of(conv));
    channels = filters;
    if (!samePadding) {
      height -= 2;
      width -= 2;
    }
    if (HiddenActivations.isLayer(activation)) {
      // One learnable slope per channel, shared over the spatial positions (Keras shared_axes=[1,
      // 2]).
      add(PReLUSlopeLayer.of(new long[] {height, width, channels}, 1, 2));
    }
    return this;
  }

  /** MaxPooling2D(2): 2×2 windows, stride 2, odd edges dropped. */
  public LayerStack maxPool2() {
    add(MaxPool2x2Layer.create());
    height /= 2;
    width /= 2;
    return this;
  }

  /**
   * Dropout with Keras's meaning: {@code rate} is the fraction dropped (DL4J takes the fraction
   * kept), times the trial's dropout scale (at most 0.9); a scale of 0 leaves the layer out.
   */
  public LayerStack dropout(double rate) {
    double scaled = Math.min(0.9, rate * dropoutScale);
    if (scaled > 0) {
      add(new DropoutLayer.Builder(1.0 - scaled).build());
    }
    return this;
  }

  /** Dense layer with the trial's activation; flattens conv feature maps first. */
  public LayerStack dense(int units) {
    add(
        new DenseLayer.Builder()
            .nOut(units)
            .activation(HiddenActivations.create(activation))
            .build());
    channels = units;
    height = 1;
    width = 1;
    if (HiddenActivations.isLayer(activation)) {
      add(PReLUSlopeLayer.of(new long[] {units}));
    }
    return this;
  }

  /** Dense softmax output trained with categorical cross-entropy. */
  public void softmaxOutput(int classes) {
    add(
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(classes)
            .activation(Activation.SOFTMAX)
            .build());
  }

  private void add(org.deeplearning4j.nn.conf.layers.Layer layer) {
    list.layer(index++, layer);
  }
}
