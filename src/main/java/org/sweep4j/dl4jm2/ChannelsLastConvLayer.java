package org.sweep4j.dl4jm2;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a 2-D convolution on channels-last (NHWC) feature maps, computed by {@link
 * ChannelsLastConvolution}: in oneDNN directly where it loads, else by DL4J's own code. Everything
 * else (parameters in DL4J's [out, in, kh, kw] layout and their initialisation, output shapes, the
 * JSON form with its class name, so Spark executors rebuild the same layer) is DL4J's {@link
 * ConvolutionLayer}. The layer takes its data format from its input type, so the network must hand
 * it NHWC maps ({@link NchwToNhwcPreProcessor}).
 */
public class ChannelsLastConvLayer extends ConvolutionLayer {

  /** For Jackson, which rebuilds the layer from the configuration JSON on every executor. */
  public ChannelsLastConvLayer() {}

  private ChannelsLastConvLayer(ConvolutionLayer.Builder builder) {
    super(builder);
  }

  /**
   * Whether layers built now compute in oneDNN (else on DL4J's own code path, im2col and OpenBLAS).
   */
  public static boolean computesOnOneDnn() {
    return OneDnn.usable(DataType.FLOAT);
  }

  /**
   * The layer {@code builder} describes; its data format comes from the input type when the network
   * is built.
   */
  public static ChannelsLastConvLayer of(ConvolutionLayer.Builder builder) {
    builder.build(); // DL4J's checks of kernel, stride and padding
    return new ChannelsLastConvLayer(builder);
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
        new ChannelsLastConvolution(conf, networkDataType),
        conf,
        listeners,
        layerIndex,
        layerParamsView,
        initializeParams);
  }
}
