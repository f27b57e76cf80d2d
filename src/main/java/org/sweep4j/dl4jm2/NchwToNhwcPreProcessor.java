package org.sweep4j.dl4jm2;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns the data set's NCHW images into the NHWC maps {@link ChannelsLastConvLayer} takes, before
 * the first layer, so minibatches, shards and the PyTorch anchor keep CIFAR-10's channel-first
 * order. One copy of the input per minibatch: 3 channels, a small fraction of what the first
 * convolution reads and writes.
 */
public class NchwToNhwcPreProcessor implements InputPreProcessor {
  private static final long serialVersionUID = 1L;

  @Override
  public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
    if (input.rank() != 4) {
      throw new IllegalArgumentException(
          "expected NCHW images [minibatch, channels, height, width], got rank " + input.rank());
    }
    return workspaceMgr.dup(ArrayType.ACTIVATIONS, input.permute(0, 2, 3, 1), 'c');
  }

  /** Back to NCHW; null when the first layer computed no input gradient (nothing reads it). */
  @Override
  public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
    return output == null
        ? null
        : workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, output.permute(0, 3, 1, 2), 'c');
  }

  @Override
  public InputType getOutputType(InputType inputType) {
    if (!(inputType instanceof InputType.InputTypeConvolutional images)
        || images.getFormat() != CNN2DFormat.NCHW) {
      throw new IllegalStateException(
          "NchwToNhwcPreProcessor takes NCHW convolutional input, got " + inputType);
    }
    return InputType.convolutional(
        images.getHeight(), images.getWidth(), images.getChannels(), CNN2DFormat.NHWC);
  }

  @Override
  public Pair<INDArray, MaskState> feedForwardMaskArray(
      INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
    return new Pair<>(maskArray, currentMaskState);
  }

  @Override
  public NchwToNhwcPreProcessor clone() {
    return new NchwToNhwcPreProcessor();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NchwToNhwcPreProcessor;
  }

  @Override
  public int hashCode() {
    return NchwToNhwcPreProcessor.class.hashCode();
  }
}
