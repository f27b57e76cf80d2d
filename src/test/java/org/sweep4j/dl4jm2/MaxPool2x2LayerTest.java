package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The Java 2×2 max-pooling layer computes exactly what DL4J's own pooling does, forward and
 * backward.
 */
class MaxPool2x2LayerTest {
  private static final int CHANNELS = 3;

  /**
   * Conv → ReLU → pool → conv → ReLU → pool on maps of odd and even sizes (15: 13 → 6 → 4 → 2, odd
   * edges dropped; 32: 30 → 15 → 13 → 6), channels-first and channels-last. ReLU makes windows of
   * equal zeros, so the tie rule is compared too.
   */
  @ParameterizedTest
  @CsvSource({"15, NCHW", "32, NCHW", "15, NHWC", "32, NHWC"})
  void outputsAndGradientsEqualDl4jsMaxPooling(int size, CNN2DFormat format) {
    MultiLayerNetwork ours = network(true, DataType.FLOAT, size, Activation.RELU, format);
    MultiLayerNetwork stock = network(false, DataType.FLOAT, size, Activation.RELU, format);
    stock.setParams(ours.params().dup());
    DataSet batch = batch(8, DataType.FLOAT, size, 11);

    List<INDArray> ourActivations = ours.feedForward(batch.getFeatures(), true);
    List<INDArray> stockActivations = stock.feedForward(batch.getFeatures(), true);
    for (int layer : new int[] {2, 4}) {
      assertEquals(
          stockActivations.get(layer),
          ourActivations.get(layer),
          format + " pooled maps of layer " + (layer - 1));
    }

    INDArray expected = gradient(stock, batch);
    INDArray actual = gradient(ours, batch);
    assertEquals(stock.score(), ours.score(), 1e-6);
    assertTrue(expected.norm2Number().doubleValue() > 0, "gradients should not vanish");
    assertEquals(expected, actual, format + " gradients of every weight behind the pooling layers");
  }

  /**
   * Windows (row-major) with ties: the gradient goes to the first maximum in row order, as in DL4J.
   */
  @Test
  void tiesSendTheGradientToTheFirstMaximum() {
    float[][] windows = {{1, 1, 1, 1}, {0, 2, 2, 0}, {1, 0, 3, 3}, {-1, -2, -1, -5}, {0, 0, 0, 7}};
    int[] firstMaximum = {0, 1, 2, 0, 3};
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      for (int w = 0; w < windows.length; w++) {
        float[] v = windows[w];
        INDArray input =
            Nd4j.create(new float[] {v[0], v[1], v[2], v[3]}, new long[] {1, 1, 2, 2}, 'c')
                .castTo(type);
        INDArray output = Nd4j.create(type, 1, 1, 1, 1);
        INDArray inputGradient = Nd4j.create(type, 1, 1, 2, 2);
        long[] layout = MaxPool2x2Kernel.nchw(input.shape());
        MaxPool2x2Kernel kernel =
            type == DataType.FLOAT
                ? new MaxPool2x2Kernel.Floats(layout)
                : new MaxPool2x2Kernel.Doubles(layout);
        kernel.forward(input, output, 1);
        kernel.backward(input, Nd4j.ones(type, 1, 1, 1, 1), inputGradient, 1);
        assertEquals(input.maxNumber().doubleValue(), output.getDouble(0), "max of window " + w);
        INDArray expected = Nd4j.zeros(type, 4);
        expected.putScalar(firstMaximum[w], 1);
        assertEquals(expected, inputGradient.reshape(4), type + " gradient of window " + w);
      }
    }
  }

  /**
   * Split over three threads, the kernel writes exactly what it writes on one, in both layouts,
   * with parts that start in the middle of an image.
   */
  @Test
  void aSplitKernelWritesWhatOneThreadWrites() {
    for (boolean nhwc : new boolean[] {false, true}) {
      // Large enough for three parts of at least MaxPool2x2Kernel.MIN_PART elements each.
      long[] inShape = nhwc ? new long[] {7, 32, 32, 17} : new long[] {7, 17, 32, 32};
      long[] outShape = nhwc ? new long[] {7, 16, 16, 17} : new long[] {7, 17, 16, 16};
      INDArray input = Nd4j.rand(DataType.FLOAT, inShape).subi(0.5);
      long[] layout =
          nhwc ? MaxPool2x2Kernel.nhwc(input.shape()) : MaxPool2x2Kernel.nchw(input.shape());
      MaxPool2x2Kernel kernel = new MaxPool2x2Kernel.Floats(layout);
      assertEquals(3, kernel.parts(3), "the loop is split");
      INDArray gradient = Nd4j.rand(DataType.FLOAT, outShape);
      INDArray[] outputs = new INDArray[2];
      INDArray[] inputGradients = new INDArray[2];
      int[] threads = {1, 3};
      for (int i = 0; i < 2; i++) {
        outputs[i] = Nd4j.create(DataType.FLOAT, outShape);
        inputGradients[i] = Nd4j.create(DataType.FLOAT, input.shape());
        kernel.forward(input, outputs[i], threads[i]);
        kernel.backward(input, gradient, inputGradients[i], threads[i]);
      }
      assertTrue(outputs[0].sumNumber().doubleValue() != 0, "something was written");
      assertEquals(outputs[0], outputs[1], (nhwc ? "NHWC" : "NCHW") + " forward");
      assertEquals(inputGradients[0], inputGradients[1], (nhwc ? "NHWC" : "NCHW") + " backward");
    }
  }

  @Test
  void trainsToTheSameWeightsAsDl4jsMaxPooling() {
    MultiLayerNetwork ours = network(true, DataType.FLOAT, 15, Activation.RELU);
    MultiLayerNetwork stock = network(false, DataType.FLOAT, 15, Activation.RELU);
    stock.setParams(ours.params().dup());
    for (int step = 0; step < 5; step++) {
      DataSet batch = batch(16, DataType.FLOAT, 15, step);
      ours.fit(batch);
      stock.fit(batch.copy());
    }
    assertEquals(0.0, stock.params().sub(ours.params()).amaxNumber().doubleValue(), 1e-5);
  }

  @Test
  void passesDl4jsGradientCheckInDoublePrecision() {
    MultiLayerNetwork net = network(true, DataType.DOUBLE, 15, Activation.TANH);
    DataSet batch = batch(3, DataType.DOUBLE, 15, 11);
    DataType defaultType = Nd4j.dataType();
    DataType defaultFloatType = Nd4j.defaultFloatingPointType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradientCheckUtil insists
    try {
      boolean ok =
          GradientCheckUtil.checkGradients(
              new GradientCheckUtil.MLNConfig()
                  .net(net)
                  .input(batch.getFeatures())
                  .labels(batch.getLabels())
                  .epsilon(1e-6)
                  .maxRelError(1e-3)
                  .minAbsoluteError(1e-8));
      assertTrue(ok, "gradient check of a network with two MaxPool2x2 layers");
    } finally {
      Nd4j.setDefaultDataTypes(defaultType, defaultFloatType);
    }
  }

  @Test
  void survivesTheJsonRoundTripSparkExecutorsMake() {
    MultiLayerConfiguration conf =
        network(true, DataType.FLOAT, 15, Activation.RELU).getLayerWiseConfigurations();
    MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
    Layer pool = restored.getConf(1).getLayer();
    assertInstanceOf(MaxPool2x2Layer.class, pool);
    assertEquals(conf.getConf(1).getLayer(), pool);
    MultiLayerNetwork net = new MultiLayerNetwork(restored);
    net.init();
    assertInstanceOf(MaxPool2x2InJava.class, net.getLayer(1));
    assertInstanceOf(MaxPool2x2InJava.class, net.getLayer(3));
  }

  private static INDArray gradient(MultiLayerNetwork net, DataSet batch) {
    net.setInput(batch.getFeatures());
    net.setLabels(batch.getLabels());
    net.computeGradientAndScore();
    return net.gradient().gradient().dup();
  }

  /** conv 3×3 → pool → conv 3×3 → pool → dense → softmax, with our pooling layer or DL4J's. */
  private static MultiLayerNetwork network(
      boolean ours, DataType dataType, int size, Activation activation) {
    return network(ours, dataType, size, activation, CNN2DFormat.NCHW);
  }

  /**
   * As above on maps in {@code format}: NHWC maps come from the NCHW images through
   * NchwToNhwcPreProcessor.
   */
  private static MultiLayerNetwork network(
      boolean ours, DataType dataType, int size, Activation activation, CNN2DFormat format) {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .seed(7)
            .dataType(dataType)
            .updater(dataType == DataType.DOUBLE ? new NoOp() : new Sgd(0.1))
            .weightInit(WeightInit.XAVIER)
            .convolutionMode(ConvolutionMode.Truncate)
            .list()
            .layer(conv(4, activation, format))
            .layer(pooling(ours))
            .layer(conv(5, activation, format))
            .layer(pooling(ours))
            .layer(new DenseLayer.Builder().nOut(6).activation(activation).build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(2)
                    .activation(Activation.SOFTMAX)
                    .build())
            .setInputType(InputType.convolutional(size, size, CHANNELS));
    if (format == CNN2DFormat.NHWC) {
      list.inputPreProcessor(0, new NchwToNhwcPreProcessor());
    }
    MultiLayerNetwork net = new MultiLayerNetwork(list.build());
    net.init();
    return net;
  }

  /**
   * On NHWC maps sweep4j's own convolution: DL4J M2's oneDNN helper returns garbage first-layer
   * gradients on NHWC maps (different on every run), which is one reason sweep4j calls oneDNN
   * itself.
   */
  private static Layer conv(int filters, Activation activation, CNN2DFormat format) {
    ConvolutionLayer.Builder conv =
        new ConvolutionLayer.Builder(3, 3).nOut(filters).activation(activation);
    return format == CNN2DFormat.NHWC ? ChannelsLastConvLayer.of(conv) : conv.build();
  }

  private static Layer pooling(boolean ours) {
    return ours
        ? MaxPool2x2Layer.create()
        : new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(2, 2)
            .stride(2, 2)
            .build();
  }

  private static DataSet batch(int size, DataType dataType, int side, long seed) {
    Nd4j.getRandom().setSeed(seed);
    INDArray features = Nd4j.rand(dataType, size, CHANNELS, side, side).subi(0.5);
    INDArray labels = Nd4j.zeros(dataType, size, 2);
    for (int i = 0; i < size; i++) {
      labels.putScalar(i, i % 2, 1.0);
    }
    return new DataSet(features, labels);
  }
}
