package org.sweep4j.dl4jm2;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of Keras's {@code MaxPooling2D(2)} on NCHW or NHWC feature maps, as its input type
 * says (2×2 windows, stride 2, odd edges dropped) computed by {@link MaxPool2x2InJava}. Everything
 * else (output shape inference, JSON form with its class name, so Spark executors rebuild the same
 * layer) is DL4J's {@link SubsamplingLayer}.
 */
public class MaxPool2x2Layer extends SubsamplingLayer {

  /** For Jackson, which rebuilds the layer from the configuration JSON on every executor. */
  public MaxPool2x2Layer() {}

  private MaxPool2x2Layer(SubsamplingLayer.Builder builder) {
    super(builder);
  }

  public static MaxPool2x2Layer create() {
    return new MaxPool2x2Layer(
        new SubsamplingLayer.Builder(PoolingType.MAX)
            .kernelSize(2, 2)
            .stride(2, 2)
            .convolutionMode(ConvolutionMode.Truncate));
  }

  // The signature DL4J's Layer requires; what each layer does with it is shared in LayerWiring.
  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    return LayerWiring.wire(
        new MaxPool2x2InJava(conf, networkDataType),
        conf,
        listeners,
        layerIndex,
        layerParamsView,
        initializeParams);
  }
}
