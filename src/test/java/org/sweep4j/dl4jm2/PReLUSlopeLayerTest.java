package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sweep4j.model.FloatRange;

/** The PReLU layer with an array-op backward pass: same gradients as DL4J's, at any batch size. */
class PReLUSlopeLayerTest {
  private static final int CHANNELS = 3;
  private static final int SIZE = 6;
  private static final int UNITS = 5;

  @Test
  void gradientsMatchDl4jsOwnPReLUWhereItsNativeOpWorks() {
    MultiLayerNetwork ours = network(true, DataType.DOUBLE);
    MultiLayerNetwork stock = network(false, DataType.DOUBLE);
    INDArray slopes = Nd4j.rand(DataType.DOUBLE, ours.params().shape()).subi(0.5);
    ours.setParams(slopes.dup());
    stock.setParams(slopes.dup());
    DataSet batch = batch(2, DataType.DOUBLE);

    ours.setInput(batch.getFeatures());
    ours.setLabels(batch.getLabels());
    ours.computeGradientAndScore();
    stock.setInput(batch.getFeatures());
    stock.setLabels(batch.getLabels());
    stock.computeGradientAndScore();

    assertEquals(stock.score(), ours.score(), 1e-12);
    INDArray expected = stock.gradient().gradient();
    INDArray actual = ours.gradient().gradient();
    assertTrue(
        expected.getDouble(1) != 0.0 || expected.getDouble(2) != 0.0,
        "slope gradients should not vanish");
    assertEquals(
        0.0,
        expected.sub(actual).norm2Number().doubleValue(),
        1e-10,
        () -> "gradients differ:\nDL4J   " + expected + "\nsweep4j " + actual);
  }

  @Test
  void trainsOnAMinibatchOfAHundredWhereDl4jsNativeOpFails() {
    DataSet batch = batch(100, DataType.FLOAT);
    MultiLayerNetwork stock = network(false, DataType.FLOAT);
    // Documents why this layer exists; if a DL4J upgrade makes this pass, the stock layer can come
    // back.
    assertThrows(RuntimeException.class, () -> stock.fit(batch));

    MultiLayerNetwork ours = network(true, DataType.FLOAT);
    INDArray convSlopesBefore = ours.getLayer(1).getParam("W").dup();
    ours.fit(batch);
    assertNotEquals(convSlopesBefore, ours.getLayer(1).getParam("W"));
    assertTrue(Double.isFinite(ours.score()));
  }

  /**
   * Float runs on oneDNN's prelu primitives, double on ND4J array ops: the same gradients for the
   * per-channel conv slopes (shared over the map) and the per-unit dense ones.
   */
  @Test
  void floatPathOnOneDnnMatchesTheArrayOpsInDouble() {
    MultiLayerNetwork inFloat = network(true, DataType.FLOAT);
    MultiLayerNetwork inDouble = network(true, DataType.DOUBLE);
    Nd4j.getRandom().setSeed(5);
    INDArray params = Nd4j.rand(DataType.DOUBLE, inDouble.params().shape()).subi(0.5);
    inDouble.setParams(params);
    inFloat.setParams(params.castTo(DataType.FLOAT));
    DataSet batch = batch(100, DataType.DOUBLE);
    inDouble.setInput(batch.getFeatures());
    inDouble.setLabels(batch.getLabels());
    inDouble.computeGradientAndScore();
    inFloat.setInput(batch.getFeatures().castTo(DataType.FLOAT));
    inFloat.setLabels(batch.getLabels().castTo(DataType.FLOAT));
    inFloat.computeGradientAndScore();
    INDArray want = inDouble.gradient().gradient();
    INDArray got = inFloat.gradient().gradient().castTo(DataType.DOUBLE);
    double relative = want.sub(got).norm2Number().doubleValue() / want.norm2Number().doubleValue();
    assertTrue(relative < 1e-5, "float and double gradients differ by " + relative + " (L2)");
    for (String layer : new String[] {"1_W", "3_W"}) {
      assertTrue(
          inFloat.gradient().getGradientFor(layer).norm2Number().doubleValue() > 0,
          "slope gradient " + layer);
    }
  }

  @Test
  void survivesTheJsonRoundTripSparkExecutorsMake() {
    MultiLayerConfiguration conf = network(true, DataType.FLOAT).getLayerWiseConfigurations();
    MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
    Layer conv = restored.getConf(1).getLayer();
    assertInstanceOf(PReLUSlopeLayer.class, conv);
    assertEquals(conf.getConf(1).getLayer(), conv);
    MultiLayerNetwork net = new MultiLayerNetwork(restored);
    net.init();
    assertInstanceOf(PReLUWithArrayOps.class, net.getLayer(1));
    assertInstanceOf(PReLUWithArrayOps.class, net.getLayer(3));
  }

  /**
   * Forward values and both gradients in float over the whole input range, against the closed
   * forms: y = x for x &gt; 0 and a·x otherwise; dL/dx = ε or a·ε; dL/da = Σ ε·min(x, 0).
   */
  @Test
  void valuesAndGradientsAreRightInFloatOverTheWholeRange() {
    float[] xs = FloatRange.extremes();
    float[] slopes = {0.25f, -0.5f, 0f, 1f, 2f};
    MultiLayerNetwork net = network(true, DataType.FLOAT);
    net.initGradientsView();
    org.deeplearning4j.nn.api.Layer prelu = net.getLayer(3);
    prelu.setParam("W", Nd4j.createFromArray(slopes).reshape(1, UNITS));
    INDArray input = Nd4j.createFromArray(xs).reshape(xs.length, 1).repeat(1, UNITS);
    LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    INDArray output = prelu.activate(input.dup(), true, noWorkspaces).dup();
    Pair<Gradient, INDArray> backward = prelu.backpropGradient(Nd4j.onesLike(input), noWorkspaces);
    INDArray inputGradient = backward.getSecond();
    INDArray slopeGradient = backward.getFirst().getGradientFor("W");
    List<String> wrong = new ArrayList<>();
    for (int unit = 0; unit < UNITS; unit++) {
      double negativeSum = 0;
      for (int i = 0; i < xs.length; i++) {
        double x = xs[i];
        double a = slopes[unit];
        expect(wrong, "y", x, a, output.getFloat(i, unit), x > 0 ? x : a * x);
        expect(wrong, "dL/dx", x, a, inputGradient.getFloat(i, unit), x > 0 ? 1 : a);
        negativeSum += Math.min(x, 0);
      }
      expect(wrong, "dL/da", Double.NaN, slopes[unit], slopeGradient.getFloat(unit), negativeSum);
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  private static void expect(
      List<String> wrong, String what, double x, double slope, float got, double want) {
    if (!FloatRange.close(got, want)) {
      wrong.add(what + " at x=" + x + ", a=" + slope + ": " + got + ", expected " + want);
    }
  }

  /** conv 3×3 → PReLU per channel → dense → PReLU per unit → softmax. */
  private static MultiLayerNetwork network(boolean ours, DataType dataType) {
    long convOut = SIZE - 2;
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(7)
            .dataType(dataType)
            .updater(new Sgd(0.1))
            .weightInit(WeightInit.XAVIER)
            .list()
            .layer(
                new ConvolutionLayer.Builder(3, 3)
                    .nOut(CHANNELS)
                    .activation(Activation.IDENTITY)
                    .build())
            .layer(
                ours
                    ? PReLUSlopeLayer.of(new long[] {CHANNELS, convOut, convOut}, 2, 3)
                    : new PReLULayer.Builder()
                        .inputShape(CHANNELS, convOut, convOut)
                        .sharedAxes(2, 3)
                        .build())
            .layer(new DenseLayer.Builder().nOut(UNITS).activation(Activation.IDENTITY).build())
            .layer(
                ours
                    ? PReLUSlopeLayer.of(new long[] {UNITS})
                    : new PReLULayer.Builder().inputShape(UNITS).build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(2)
                    .activation(Activation.SOFTMAX)
                    .build())
            .setInputType(InputType.convolutional(SIZE, SIZE, 2))
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static DataSet batch(int size, DataType dataType) {
    Nd4j.getRandom().setSeed(11);
    INDArray features = Nd4j.rand(dataType, size, 2, SIZE, SIZE).subi(0.5);
    INDArray labels = Nd4j.zeros(dataType, size, 2);
    for (int i = 0; i < size; i++) {
      labels.putScalar(i, i % 2, 1.0);
    }
    return new DataSet(features, labels);
  }
}
