package org.sweep4j.dl4jm2;

import java.util.Arrays;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Max-pooling over 2×2 windows with stride 2 on NCHW or NHWC maps (odd last rows and columns
 * dropped), as Java loops over pairs of input rows. DL4J's own path runs oneDNN's plain-NCHW
 * pooling, which calls a {@code std::function} per output element and repeats the forward pass
 * inside the backward pass: on the small CNN it took more time than both convolutions. Here the
 * forward pass is one read of the input, and the backward pass routes each output gradient to its
 * window's first maximum in row order (the element DL4J and oneDNN pick), found again from the
 * input, so the layer keeps no state between the passes.
 */
public class MaxPool2x2InJava extends SubsamplingLayer {

  public MaxPool2x2InJava(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    INDArray x = contiguous(checkedInput());
    long[] shape = x.shape();
    long[] outShape =
        channelsLast()
            ? new long[] {shape[0], shape[1] / 2, shape[2] / 2, shape[3]}
            : new long[] {shape[0], shape[1], shape[2] / 2, shape[3] / 2};
    INDArray output =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, outShape, 'c');
    kernel(x).forward(x, output, NativeThreads.threadsOfCurrentThread());
    return output;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray x = contiguous(checkedInput());
    INDArray outputGradient = contiguous(epsilon.castTo(dataType));
    // The kernel writes every pair of rows whole, zeros included; only an odd last row is left to
    // zero here.
    INDArray inputGradient =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
    kernel(x).backward(x, outputGradient, inputGradient, NativeThreads.threadsOfCurrentThread());
    int heightAxis = channelsLast() ? 1 : 2;
    long height = x.size(heightAxis);
    if (height % 2 == 1) {
      INDArrayIndex[] lastRow = {
        NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()
      };
      lastRow[heightAxis] = NDArrayIndex.point(height - 1);
      inputGradient.get(lastRow).assign(0);
    }
    return new Pair<>(new DefaultGradient(), inputGradient);
  }

  /** None: this layer is its own implementation, whatever helper DL4J's constructor made. */
  @Override
  public LayerHelper getHelper() {
    return null;
  }

  private boolean channelsLast() {
    return layerConf().getCnn2dDataFormat() == CNN2DFormat.NHWC;
  }

  private INDArray checkedInput() {
    if (input.rank() != 4) {
      throw new DL4JInvalidInputException(
          "MaxPool2x2 takes "
              + layerConf().getCnn2dDataFormat()
              + " feature maps (rank 4), got shape "
              + Arrays.toString(input.shape())
              + ". "
              + layerId());
    }
    return input.castTo(dataType);
  }

  private MaxPool2x2Kernel kernel(INDArray x) {
    long[] layout =
        channelsLast() ? MaxPool2x2Kernel.nhwc(x.shape()) : MaxPool2x2Kernel.nchw(x.shape());
    return switch (x.dataType()) {
      case FLOAT -> new MaxPool2x2Kernel.Floats(layout);
      case DOUBLE -> new MaxPool2x2Kernel.Doubles(layout);
      default ->
          throw new IllegalArgumentException(
              "MaxPool2x2 computes in FLOAT or DOUBLE, not " + x.dataType());
    };
  }

  /**
   * The array itself when its elements lie in c order from its first one, else a c-ordered copy.
   */
  private static INDArray contiguous(INDArray array) {
    boolean plain =
        array.ordering() == 'c'
            && Shape.hasDefaultStridesForShape(array)
            && array.length() <= Integer.MAX_VALUE;
    return plain ? array : array.dup('c');
  }
}
