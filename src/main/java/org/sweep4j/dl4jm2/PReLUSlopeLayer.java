package org.sweep4j.dl4jm2;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a PReLU layer (learnable negative slopes, initialised to 0 as in Keras) computed
 * by {@link PReLUWithArrayOps}. Everything else (parameter shapes, initialiser, JSON form with its
 * class name, so Spark executors rebuild the same layer) is DL4J's {@link PReLULayer}.
 */
public class PReLUSlopeLayer extends PReLULayer {

  /** For Jackson, which rebuilds the layer from the configuration JSON on every executor. */
  public PReLUSlopeLayer() {}

  private PReLUSlopeLayer(PReLULayer template) {
    setLayerName(template.getLayerName());
    setIDropout(template.getIDropout());
    setConstraints(template.getConstraints());
    setActivationFn(template.getActivationFn());
    setWeightInitFn(template.getWeightInitFn());
    setBiasInit(template.getBiasInit());
    setGainInit(template.getGainInit());
    setRegularization(template.getRegularization());
    setRegularizationBias(template.getRegularizationBias());
    setIUpdater(template.getIUpdater());
    setBiasUpdater(template.getBiasUpdater());
    setWeightNoise(template.getWeightNoise());
    setGradientNormalization(template.getGradientNormalization());
    setGradientNormalizationThreshold(template.getGradientNormalizationThreshold());
    setInputShape(template.getInputShape());
    setSharedAxes(template.getSharedAxes());
  }

  /**
   * A PReLU layer for activations of {@code inputShape} (without the batch dimension) that shares
   * one slope over each of {@code sharedAxes} (1-based with the batch axis as 0, as in DL4J: {@code
   * 2, 3} for the spatial axes of NCHW feature maps).
   */
  public static PReLUSlopeLayer of(long[] inputShape, long... sharedAxes) {
    PReLULayer.Builder builder = new PReLULayer.Builder().inputShape(inputShape);
    if (sharedAxes.length > 0) {
      builder.sharedAxes(sharedAxes);
    }
    return new PReLUSlopeLayer(builder.build());
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
        new PReLUWithArrayOps(conf, networkDataType),
        conf,
        listeners,
        layerIndex,
        layerParamsView,
        initializeParams);
  }
}
