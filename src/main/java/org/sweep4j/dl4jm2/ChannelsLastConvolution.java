package org.sweep4j.dl4jm2;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * DL4J's convolution layer on NHWC maps with its arithmetic done by oneDNN primitives called
 * directly ({@link ConvPrimitives}). Through DL4J's oneDNN helper, libnd4j converted every input,
 * output and gradient between NCHW and oneDNN's blocked layout on every call (about a quarter of
 * the deep CNN's convolution time) and computed the first layer's input gradient, which nothing
 * reads. Here activations stay NHWC, which oneDNN's kernels take as they are, and the first layer
 * of a network skips its input gradient ({@code MultiLayerNetwork} discards it).
 *
 * <p>Where oneDNN is not usable ({@link OneDnn#usable}: double precision for gradient checks,
 * helpers switched off for the reference path, a platform without the library) or the configuration
 * is one it does not cover (dilation, no bias, causal padding), every call goes to DL4J's own
 * implementation, which handles NHWC by permuting to NCHW.
 */
public class ChannelsLastConvolution extends ConvolutionLayer {
  private static final int CACHED_SHAPES = 4;
  private static final IActivation IDENTITY = new ActivationIdentity();

  private final boolean oneDnn;

  /**
   * Primitives per input shape (training and scoring minibatches differ in size), most recently
   * used last; native objects, so never serialised: made again on first use.
   */
  private transient Map<String, ConvPrimitives> primitives;

  public ChannelsLastConvolution(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
    oneDnn = OneDnn.usable(dataType) && covers(layerConf());
    // Never DL4J's oneDNN helper: on NHWC maps M2's returns garbage gradients for the first layer
    // (different on
    // every run), and on the oneDNN route it would take the activation function's forward pass.
    helper = null;
  }

  /** Whether this layer computes in oneDNN directly (else DL4J's own code path). */
  public boolean usesOneDnn() {
    return oneDnn;
  }

  private static boolean covers(org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf) {
    return conf.hasBias()
        && conf.getConvolutionMode() != ConvolutionMode.Causal
        && Arrays.stream(conf.getDilation()).allMatch(d -> d == 1);
  }

  private boolean onOneDnn() {
    return oneDnn && layerConf().getCnn2dDataFormat() == CNN2DFormat.NHWC;
  }

  @Override
  protected Pair<INDArray, INDArray> preOutput(
      boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
    if (!onOneDnn()) {
      return super.preOutput(training, forBackprop, workspaceMgr);
    }
    if (preOutput != null && forBackprop) { // kept by activate() under CacheMode.DEVICE
      return new Pair<>(preOutput, null);
    }
    assertInputSet(false);
    INDArray x = checkedInput();
    Geometry geometry = geometry(x);
    INDArray z =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS, dataType, geometry.outputShape(), 'c');
    primitivesFor(geometry)
        .forward(
            x,
            contiguous(
                getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr)),
            contiguous(
                getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, workspaceMgr)),
            z);
    return new Pair<>(z, null);
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (!onOneDnn()) {
      return dl4jBackprop(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    INDArray x = checkedInput();
    INDArray z = preOutput(true, true, workspaceMgr).getFirst();
    INDArray delta =
        contiguous(layerConf().getActivationFn().backprop(z, epsilon.castTo(dataType)).getFirst());
    ConvPrimitives conv = primitivesFor(geometry(x));
    INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
    INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
    conv.backwardWeights(x, delta, weightGradient, biasGradient);
    Gradient gradient = new DefaultGradient();
    gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
    gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
    INDArray inputGradient = null;
    if (getIndex() > 0) {
      inputGradient =
          workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
      conv.backwardData(
          delta,
          contiguous(getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr)),
          inputGradient);
      inputGradient = backpropDropOutIfPresent(inputGradient);
    }
    weightNoiseParams.clear();
    return new Pair<>(gradient, inputGradient);
  }

  /**
   * DL4J's backward pass, with the activation's part done here. On NHWC maps DL4J hands the
   * activation NHWC maps in the forward pass but NCHW views of them in the backward pass, which an
   * activation that works per channel (zero_fit_linear) cannot tell apart; so the activation's
   * gradient is taken here on NHWC maps, as on the oneDNN route, and DL4J's code sees the identity.
   */
  private Pair<Gradient, INDArray> dl4jBackprop(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (layerConf().getCnn2dDataFormat() != CNN2DFormat.NHWC) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    INDArray z = preOutput(true, true, workspaceMgr).getFirst();
    IActivation activation = layerConf().getActivationFn();
    INDArray delta = activation.backprop(z, epsilon.castTo(dataType)).getFirst();
    layerConf().setActivationFn(IDENTITY);
    try {
      return super.backpropGradient(delta, workspaceMgr);
    } finally {
      layerConf().setActivationFn(activation);
    }
  }

  private INDArray checkedInput() {
    long channels = layerConf().getNIn();
    if (input.rank() != 4 || input.size(3) != channels) {
      throw new DL4JInvalidInputException(
          "Convolution takes NHWC feature maps [minibatch, height, width, "
              + channels
              + "], got shape "
              + Arrays.toString(input.shape())
              + ". "
              + layerId());
    }
    return contiguous(input.castTo(dataType));
  }

  /** Sizes and paddings of one call; DL4J's rules for 'same' and explicit padding. */
  private record Geometry(
      long[] shape, long[] kernel, long[] stride, long[] padBegin, long[] padEnd) {
    long[] outputShape() {
      return new long[] {shape[0], shape[5], shape[6], shape[4]};
    }
  }

  private Geometry geometry(INDArray x) {
    var conf = layerConf();
    int[] kernel = conf.getKernelSize();
    int[] stride = conf.getStride();
    int[] in = {(int) x.size(1), (int) x.size(2)};
    int[] out;
    int[] pad;
    if (convolutionMode == ConvolutionMode.Same) {
      out = new int[] {ceilDiv(in[0], stride[0]), ceilDiv(in[1], stride[1])};
      pad = ConvolutionUtils.getSameModeTopLeftPadding(out, in, kernel, stride, conf.getDilation());
    } else {
      pad = conf.getPadding();
      out =
          new int[] {
            (in[0] + 2 * pad[0] - kernel[0]) / stride[0] + 1,
            (in[1] + 2 * pad[1] - kernel[1]) / stride[1] + 1
          };
    }
    long[] padEnd = new long[2];
    for (int d = 0; d < 2; d++) {
      // What the last window needs beyond the input; negative when Truncate drops the last rows or
      // columns.
      padEnd[d] = (long) (out[d] - 1) * stride[d] + kernel[d] - in[d] - pad[d];
    }
    long[] shape = {x.size(0), x.size(3), in[0], in[1], conf.getNOut(), out[0], out[1]};
    return new Geometry(
        shape,
        new long[] {kernel[0], kernel[1]},
        new long[] {stride[0], stride[1]},
        new long[] {pad[0], pad[1]},
        padEnd);
  }

  private ConvPrimitives primitivesFor(Geometry geometry) {
    if (primitives == null) {
      primitives = new LinkedHashMap<>(8, 0.75f, true);
    }
    String key = Arrays.toString(geometry.shape());
    ConvPrimitives conv = primitives.get(key);
    if (conv == null) {
      if (primitives.size() == CACHED_SHAPES) {
        primitives.remove(primitives.keySet().iterator().next());
      }
      conv =
          new ConvPrimitives(
              geometry.shape(),
              geometry.kernel(),
              geometry.stride(),
              geometry.padBegin(),
              geometry.padEnd());
      primitives.put(key, conv);
    }
    return conv;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static INDArray contiguous(INDArray array) {
    return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array)
        ? array
        : array.dup('c');
  }
}
