package org.sweep4j.model;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.sweep4j.data.ImageSet;

/**
 * Floating-point operations of one training step per image, counted from the layers: a multiply-add
 * is 2. Each convolution and dense layer does its forward product and, backward, one product for
 * its weights' gradient and one for its input's, except the first layer, whose input gradient
 * nothing reads (sweep4j skips it). Activations, pooling, the loss and the optimiser are
 * elementwise and left out: under 1% of the products on both architectures.
 */
public final class TrainingFlops {
  private TrainingFlops() {}

  public static double perImage(MultiLayerConfiguration conf) {
    InputType input = InputType.convolutional(ImageSet.SIDE, ImageSet.SIDE, ImageSet.CHANNELS);
    List<InputType> outputs = conf.getLayerActivationTypes(input);
    double total = 0;
    boolean first = true;
    for (int i = 0; i < conf.getConfs().size(); i++) {
      double forward = forward(conf.getConf(i).getLayer(), outputs.get(i));
      if (forward > 0) {
        total += forward * (first ? 2 : 3);
        first = false;
      }
    }
    return total;
  }

  /** The forward product's operations, or 0 for a layer without one. */
  private static double forward(Layer layer, InputType output) {
    if (layer instanceof ConvolutionLayer conv
        && output instanceof InputType.InputTypeConvolutional maps) {
      int[] kernel = conv.getKernelSize();
      return 2.0
          * kernel[0]
          * kernel[1]
          * conv.getNIn()
          * conv.getNOut()
          * maps.getHeight()
          * maps.getWidth();
    }
    if (layer instanceof FeedForwardLayer dense && !(layer instanceof ConvolutionLayer)) {
      return 2.0 * dense.getNIn() * dense.getNOut();
    }
    return 0;
  }
}
