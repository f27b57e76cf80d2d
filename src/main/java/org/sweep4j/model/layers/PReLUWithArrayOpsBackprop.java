package org.sweep4j.model.layers;

import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.PReLU;
import org.deeplearning4j.nn.params.PReLUParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's PReLU layer, f(x) = x for x > 0 and a·x otherwise, with the backward pass done in ND4J array ops:
 * dL/dx = ε where x > 0 and a·ε elsewhere; dL/da = Σ ε·min(x, 0) over the batch axis and the shared axes.
 * The forward pass is DL4J's (its native op has no size limit).
 */
public class PReLUWithArrayOpsBackprop extends PReLU {

  public PReLUWithArrayOpsBackprop(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray x = input;
    INDArray slopes = getParam(PReLUParamInitializer.WEIGHT_KEY);
    INDArray slopesPerElement = broadcastToInput(slopes, x);

    INDArray positive = x.gt(0.0).castTo(x.dataType());
    // 1 where x > 0, the slope elsewhere.
    INDArray derivative = slopesPerElement.mul(positive.rsub(1.0)).addi(positive);
    INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(),
        x.ordering());
    inputGradient.assign(epsilon.mul(derivative));

    INDArray slopeContributions = epsilon.mul(Transforms.min(x, 0.0, true));
    INDArray slopeGradient = slopeContributions.sum(sharedAndBatchAxes(slopes));
    INDArray slopeGradientView = gradientViews.get(PReLUParamInitializer.WEIGHT_KEY);
    slopeGradientView.assign(slopeGradient.reshape(slopeGradientView.shape()));

    inputGradient = backpropDropOutIfPresent(inputGradient);
    Gradient gradient = new DefaultGradient();
    gradient.setGradientFor(PReLUParamInitializer.WEIGHT_KEY, slopeGradientView, 'c');
    return new Pair<>(gradient, inputGradient);
  }

  /** The slopes (input shape without the batch axis, shared axes of size 1) repeated to the input's shape. */
  private static INDArray broadcastToInput(INDArray slopes, INDArray x) {
    long[] withBatchAxis = new long[x.rank()];
    withBatchAxis[0] = 1;
    System.arraycopy(slopes.shape(), 0, withBatchAxis, 1, slopes.rank());
    return slopes.dup('c').reshape('c', withBatchAxis).broadcast(x.shape());
  }

  /** The batch axis and every axis where the slopes have size 1 (the shared axes), counted on the input. */
  private static int[] sharedAndBatchAxes(INDArray slopes) {
    long[] slopeShape = slopes.shape();
    return IntStream.rangeClosed(0, slopeShape.length)
        .filter(axis -> axis == 0 || slopeShape[axis - 1] == 1)
        .toArray();
  }
}
