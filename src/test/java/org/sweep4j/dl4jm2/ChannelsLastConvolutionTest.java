package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * sweep4j's oneDNN convolution on NHWC maps computes what DL4J's own convolution computes on the
 * same maps: outputs, weight and bias gradients, and the gradient passed down to the layer below.
 */
class ChannelsLastConvolutionTest {
  private static final int CHANNELS = 3;
  private static final int SIDE = 11;

  @AfterEach
  void restoreHelpers() {
    Nd4j.getEnvironment().allowHelpers(true);
  }

  @Test
  void computesWhatDl4jComputesForwardAndBackward() {
    MultiLayerNetwork fast = network();
    Nd4j.getEnvironment().allowHelpers(false);
    MultiLayerNetwork reference = network();
    Nd4j.getEnvironment().allowHelpers(true);
    assertTrue(
        ((ChannelsLastConvolution) fast.getLayer(0)).usesOneDnn(),
        "oneDNN should load on this machine");
    assertFalse(((ChannelsLastConvolution) reference.getLayer(0)).usesOneDnn());
    reference.setParams(fast.params().dup());
    DataSet batch = batch(6, 3);

    List<INDArray> fastMaps = fast.feedForward(batch.getFeatures(), true);
    List<INDArray> referenceMaps = reference.feedForward(batch.getFeatures(), true);
    for (int layer = 1; layer <= 3; layer++) {
      assertEquals(
          referenceMaps.get(layer).shapeInfoToString(), fastMaps.get(layer).shapeInfoToString());
      assertClose(
          referenceMaps.get(layer), fastMaps.get(layer), "activations of layer " + (layer - 1));
    }
    INDArray expected = gradient(reference, batch);
    INDArray actual = gradient(fast, batch);
    assertTrue(expected.norm2Number().doubleValue() > 0, "gradients should not vanish");
    assertClose(expected, actual, "gradients of all parameters");
    assertEquals(reference.score(), fast.score(), 1e-5);
  }

  @Test
  void survivesTheJsonRoundTripSparkExecutorsMake() {
    MultiLayerConfiguration conf = network(DataType.FLOAT).getLayerWiseConfigurations();
    MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
    assertEquals(conf, restored);
    assertInstanceOf(ChannelsLastConvLayer.class, restored.getConf(0).getLayer());
    assertInstanceOf(NchwToNhwcPreProcessor.class, restored.getInputPreProcess(0));
    MultiLayerNetwork net = new MultiLayerNetwork(restored);
    net.init();
    assertInstanceOf(ChannelsLastConvolution.class, net.getLayer(2));
    assertEquals(
        CNN2DFormat.NHWC, ((ConvolutionLayer) restored.getConf(2).getLayer()).getCnn2dDataFormat());
  }

  /** Double precision runs on DL4J's own code path, which DL4J's gradient check accepts. */
  @Test
  void fallsBackToDl4jInDoublePrecisionAndPassesItsGradientCheck() {
    MultiLayerNetwork net = network(DataType.DOUBLE);
    assertFalse(((ChannelsLastConvolution) net.getLayer(0)).usesOneDnn());
    DataSet batch = batch(3, 5);
    DataType defaultType = Nd4j.dataType();
    DataType defaultFloatType = Nd4j.defaultFloatingPointType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradientCheckUtil insists
    try {
      assertTrue(
          GradientCheckUtil.checkGradients(
              new GradientCheckUtil.MLNConfig()
                  .net(net)
                  .input(batch.getFeatures().castTo(DataType.DOUBLE))
                  .labels(batch.getLabels().castTo(DataType.DOUBLE))
                  .epsilon(1e-6)
                  .maxRelError(1e-3)
                  .minAbsoluteError(1e-8)));
    } finally {
      Nd4j.setDefaultDataTypes(defaultType, defaultFloatType);
    }
  }

  /** Relative to the largest magnitude: float32 sums in another order differ in the last bits. */
  private static void assertClose(INDArray expected, INDArray actual, String what) {
    double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
    double difference = expected.sub(actual).amaxNumber().doubleValue();
    assertTrue(
        difference <= 1e-5 * scale,
        what + " differ by " + difference + " (largest value " + scale + ")");
  }

  private static INDArray gradient(MultiLayerNetwork net, DataSet batch) {
    net.setInput(batch.getFeatures());
    net.setLabels(batch.getLabels());
    net.computeGradientAndScore();
    return net.gradient().gradient().dup();
  }

  /**
   * NCHW images → NHWC → conv 3×3 'same' (4) → conv 3×3 'valid' (5) → conv 2×2 stride 2 (3) → dense
   * → softmax.
   */
  private static MultiLayerNetwork network() {
    return network(DataType.FLOAT);
  }

  private static MultiLayerNetwork network(DataType dataType) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(7)
            .dataType(dataType)
            .updater(dataType == DataType.DOUBLE ? new NoOp() : new Sgd(0.1))
            .weightInit(WeightInit.XAVIER)
            .biasInit(0.1)
            .convolutionMode(ConvolutionMode.Truncate)
            .cacheMode(org.deeplearning4j.nn.conf.CacheMode.DEVICE)
            .list()
            .layer(
                ChannelsLastConvLayer.of(
                    new ConvolutionLayer.Builder(3, 3)
                        .nOut(4)
                        .activation(Activation.TANH)
                        .convolutionMode(ConvolutionMode.Same)))
            .layer(
                ChannelsLastConvLayer.of(
                    new ConvolutionLayer.Builder(3, 3).nOut(5).activation(Activation.RELU)))
            .layer(
                ChannelsLastConvLayer.of(
                    new ConvolutionLayer.Builder(2, 2)
                        .stride(2, 2)
                        .nOut(3)
                        .activation(Activation.SIGMOID)))
            .layer(new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(2)
                    .activation(Activation.SOFTMAX)
                    .build())
            .inputPreProcessor(0, new NchwToNhwcPreProcessor())
            .setInputType(InputType.convolutional(SIDE, SIDE, CHANNELS))
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static DataSet batch(int size, long seed) {
    Nd4j.getRandom().setSeed(seed);
    INDArray features = Nd4j.rand(DataType.FLOAT, size, CHANNELS, SIDE, SIDE).subi(0.5);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, size, 2);
    for (int i = 0; i < size; i++) {
      labels.putScalar(i, i % 2, 1.0);
    }
    return new DataSet(features, labels);
  }
}
