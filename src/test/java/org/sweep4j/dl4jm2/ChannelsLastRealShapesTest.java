package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * sweep4j's oneDNN convolution against DL4J's own (im2col + GEMM) at the shapes the two networks
 * train with, batch 100: output, weight, bias and input gradients. The tolerance is set by float
 * rounding of sums over up to 100×32×32 terms (measured below 1e-6 of the largest value); the same
 * comparison with the filters mirrored, which a kernel with its taps in the wrong order would
 * compute, is asserted to miss it by orders of magnitude.
 */
class ChannelsLastRealShapesTest {
  private static final int BATCH = 100;
  private static final double TOLERANCE = 2e-5;

  /**
   * A bias gradient sums ε over 100×30×30 positions and cancels to a few hundredths of the sum of
   * their magnitudes: float rounding leaves 1.4e-4 to 4.7e-4 of it on both paths (DL4J's own float
   * code the larger).
   */
  private static final double BIAS_TOLERANCE = 1e-3;

  @AfterEach
  void restoreHelpers() {
    Nd4j.getEnvironment().allowHelpers(true);
  }

  /**
   * Every 3×3 convolution of small_cnn (3→32 on 32×32, 32→64 on 15×15, both 'valid') and deep_cnn
   * (the same with a 'same' layer before each): in → out channels, map side, 'same'.
   */
  @ParameterizedTest(name = "{0}→{1} channels, {2}×{2}, same={3}")
  @CsvSource({
    "3, 32, 32, false",
    "3, 32, 32, true",
    "32, 32, 32, false",
    "32, 64, 15, false",
    "32, 64, 15, true",
    "64, 64, 15, false"
  })
  void computesWhatDl4jComputesAtTheRealShapes(int in, int out, int side, boolean same) {
    assumeTrue(
        ChannelsLastConvLayer.computesOnOneDnn(),
        "oneDNN did not load on this machine (see the warning logged), so there is no fast path");
    MultiLayerNetwork fast = network(in, out, side, same, DataType.FLOAT);
    MultiLayerNetwork reference = network(in, out, side, same, DataType.DOUBLE);
    assertTrue(((ChannelsLastConvolution) fast.getLayer(0)).usesOneDnn());
    assertFalse(((ChannelsLastConvolution) reference.getLayer(0)).usesOneDnn());
    reference.setParams(fast.params().castTo(DataType.DOUBLE));

    Nd4j.getRandom().setSeed(in * 1000L + out + side);
    INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, side, side, in).subi(0.5);
    List<INDArray> expected = passes(reference, x.castTo(DataType.DOUBLE));
    List<INDArray> actual = passes(fast, x);
    String[] names = {"output", "weight gradient", "bias gradient", "input gradient"};
    for (int i = 0; i < names.length; i++) {
      double error = relativeError(expected.get(i), actual.get(i));
      double tolerance = i == 2 ? BIAS_TOLERANCE : TOLERANCE;
      assertTrue(error <= tolerance, names[i] + " differs by " + error + " of its largest value");
    }
    reference.getLayer(0).setParam("W", mirrored(fast.getLayer(0).getParam("W")));
    INDArray mirroredOutput =
        reference
            .getLayer(0)
            .activate(x.castTo(DataType.DOUBLE), false, LayerWorkspaceMgr.noWorkspaces());
    double mirroredError = relativeError(mirroredOutput, actual.get(0));
    assertTrue(
        mirroredError > 1000 * TOLERANCE,
        "mirrored filters should miss by far more than the tolerance, missed by " + mirroredError);
  }

  /** Forward and backward through the layer, as a layer inside a network (input gradient on). */
  private static List<INDArray> passes(MultiLayerNetwork network, INDArray x) {
    Layer layer = network.getLayer(0);
    layer.setIndex(1); // not the first layer: it computes its input gradient
    LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    INDArray output = layer.activate(x.dup(), true, noWorkspaces).dup();
    Nd4j.getRandom().setSeed(5);
    INDArray epsilon = Nd4j.rand(DataType.FLOAT, output.shape()).subi(0.5).castTo(x.dataType());
    Pair<Gradient, INDArray> backward = layer.backpropGradient(epsilon, noWorkspaces);
    List<INDArray> results = new ArrayList<>();
    results.add(output);
    results.add(backward.getFirst().getGradientFor("W").dup());
    results.add(backward.getFirst().getGradientFor("b").dup());
    results.add(backward.getSecond().dup());
    return results;
  }

  private static double relativeError(INDArray expected, INDArray actual) {
    double scale = expected.amaxNumber().doubleValue();
    assertTrue(scale > 0, "nothing to compare: all zero");
    return expected.sub(actual.castTo(expected.dataType())).amaxNumber().doubleValue() / scale;
  }

  /** Filters [out, in, kh, kw] flipped left to right and top to bottom. */
  private static INDArray mirrored(INDArray weights) {
    INDArray flipped = weights.dup();
    long k = weights.size(2);
    for (long r = 0; r < k; r++) {
      for (long c = 0; c < k; c++) {
        flipped
            .get(
                NDArrayIndex.all(),
                NDArrayIndex.all(),
                NDArrayIndex.point(r),
                NDArrayIndex.point(c))
            .assign(
                weights.get(
                    NDArrayIndex.all(),
                    NDArrayIndex.all(),
                    NDArrayIndex.point(k - 1 - r),
                    NDArrayIndex.point(k - 1 - c)));
      }
    }
    return flipped;
  }

  /** One convolution on NHWC maps, identity activation, as the architectures configure it. */
  private static MultiLayerNetwork network(
      int in, int out, int side, boolean same, DataType dataType) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(11)
            .dataType(dataType)
            .updater(new Sgd(0.1))
            .weightInit(WeightInit.XAVIER)
            .biasInit(0.1)
            .list()
            .layer(
                ChannelsLastConvLayer.of(
                    new ConvolutionLayer.Builder(3, 3)
                        .stride(1, 1)
                        .nOut(out)
                        .convolutionMode(same ? ConvolutionMode.Same : ConvolutionMode.Truncate)
                        .activation(Activation.IDENTITY)))
            .setInputType(InputType.convolutional(side, side, in, CNN2DFormat.NHWC))
            .build();
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init();
    network.initGradientsView();
    return network;
  }
}
