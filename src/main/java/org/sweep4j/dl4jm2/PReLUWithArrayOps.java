package org.sweep4j.dl4jm2;

import java.util.Arrays;
import java.util.stream.LongStream;
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
 * DL4J's PReLU layer, f(x) = x for x > 0 and a·x otherwise, on the input seen as a matrix with one
 * row per example and the slopes repeated to one per column (a small array): oneDNN's prelu
 * primitives for float ({@link PReLUOnOneDnn}, one pass each way), else contiguous ND4J array ops
 * (a few element-wise passes and one broadcast over rows). DL4J's native ops for this are unusable
 * here: {@code prelu_bp} rejects inputs over 64 times the slope count and {@code prelu} takes ~300×
 * as long as a ReLU on a 100×32×30×30 batch.
 */
public class PReLUWithArrayOps extends PReLU {

  public PReLUWithArrayOps(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    applyDropOutIfNecessary(training, workspaceMgr);
    INDArray x = rows(input);
    // Every step works in place on workspace arrays: allocating a fresh array costs more than the
    // arithmetic.
    INDArray output =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
    if (PReLUOnOneDnn.forward(x, slopesPerElement(), output)) {
      return output.reshape('c', input.shape());
    }
    Transforms.relu(output.assign(x), false);
    INDArray negativePart =
        workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, x.dataType(), x.shape(), 'c');
    negativePart.assign(x).subi(output).muliRowVector(slopesPerElement());
    return output.addi(negativePart).reshape('c', input.shape());
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray x = rows(input);
    INDArray outputGradient = rows(epsilon);
    INDArray inputGradient =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(), x.shape(), 'c');
    INDArray perElement =
        workspaceMgr.createUninitialized(
            ArrayType.BP_WORKING_MEM, x.dataType(), new long[] {1, x.size(1)}, 'c');
    INDArray slopes = slopesPerElement();
    if (!PReLUOnOneDnn.backward(x, slopes, outputGradient, inputGradient, perElement)) {
      perElement = backpropWithArrayOps(x, slopes, outputGradient, inputGradient, workspaceMgr);
    }
    // dL/da summed over the axes each slope is shared by.
    perElement = perElement.reshape('c', inputShape());
    INDArray slopeGradient =
        sharedAxes().length == 0 ? perElement : perElement.sum(true, sharedAxes());
    INDArray slopeGradientView = gradientViews.get(PReLUParamInitializer.WEIGHT_KEY);
    slopeGradientView.assign(slopeGradient.reshape(slopeGradientView.shape()));

    INDArray result = backpropDropOutIfPresent(inputGradient.reshape('c', input.shape()));
    Gradient gradient = new DefaultGradient();
    gradient.setGradientFor(PReLUParamInitializer.WEIGHT_KEY, slopeGradientView, 'c');
    return new Pair<>(gradient, result);
  }

  /**
   * The input's gradient written into {@code inputGradient}; returns each element's slope gradient
   * summed over the examples, [1, elements].
   */
  private INDArray backpropWithArrayOps(
      INDArray x,
      INDArray slopes,
      INDArray outputGradient,
      INDArray inputGradient,
      LayerWorkspaceMgr workspaceMgr) {
    INDArray positiveSide =
        workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), x.shape(), 'c');
    Transforms.step(positiveSide.assign(x), false).muli(outputGradient);
    INDArray negativeSide =
        workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, x.dataType(), x.shape(), 'c');
    negativeSide.assign(outputGradient).subi(positiveSide);

    // ε where x > 0, a·ε elsewhere.
    inputGradient.assign(negativeSide).muliRowVector(slopes).addi(positiveSide);
    // dL/da = Σ ε·min(x, 0) = Σ ε_neg·x over the examples
    return negativeSide.muli(x).sum(true, 0);
  }

  /**
   * The array as a c-ordered matrix with one row per example (a view when it already is
   * contiguous).
   */
  private static INDArray rows(INDArray array) {
    return array.reshape('c', array.size(0), array.length() / array.size(0));
  }

  /**
   * The slopes repeated over their shared axes and flattened: one slope per element of an example.
   */
  private INDArray slopesPerElement() {
    INDArray slopes = getParam(PReLUParamInitializer.WEIGHT_KEY);
    long elementsPerExample = LongStream.of(inputShape()).reduce(1, Math::multiplyExact);
    return slopes.dup('c').broadcast(inputShape()).reshape('c', 1, elementsPerExample);
  }

  /**
   * The shape of one example, read from the input: DL4J overwrites the configuration's input shape
   * with the slopes' shape (shared axes set to 1) when it initialises the parameters.
   */
  private long[] inputShape() {
    return Arrays.copyOfRange(input.shape(), 1, input.rank());
  }

  /** Shared axes counted on one example's shape (DL4J counts them with the batch axis as 0). */
  private int[] sharedAxes() {
    long[] shared = layerConf().getSharedAxes();
    return shared == null
        ? new int[0]
        : LongStream.of(shared).mapToInt(axis -> (int) axis - 1).toArray();
  }
}
