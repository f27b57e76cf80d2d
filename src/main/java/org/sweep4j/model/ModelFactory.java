package org.sweep4j.model;

import java.util.ServiceLoader;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.TrainingSpec;
import org.sweep4j.data.ImageSet;
import org.sweep4j.grid.TrialSpec;

/**
 * Builds a trial's network configuration with Keras's defaults, set explicitly because DL4J's
 * differ (DL4J: sigmoid, Gaussian Xavier, SGD, Adam ε 1e-8): Glorot-uniform weights unless the
 * trial asks for He or LeCun normal, zero biases, Adam(lr, 0.9, 0.999, 1e-7), float32.
 */
public final class ModelFactory {
  /** Keras's epsilon for Adam and RMSprop. */
  static final double KERAS_EPSILON = 1e-7;

  private ModelFactory() {}

  /**
   * The architecture's class, through {@link ServiceLoader}: implementations of {@link
   * NetworkArchitecture} listed in {@code META-INF/services/org.sweep4j.model.NetworkArchitecture}.
   */
  public static NetworkArchitecture architecture(Architecture architecture) {
    return ServiceLoader.load(NetworkArchitecture.class).stream()
        .filter(provider -> provider.type().getName().equals(architecture.className()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    architecture.className() + " is not a NetworkArchitecture service"))
        .get();
  }

  public static MultiLayerConfiguration build(TrialSpec trial) {
    return build(trial, DataType.FLOAT);
  }

  /**
   * As {@link #build(TrialSpec)} with another data type (gradient checks run in double precision).
   */
  public static MultiLayerConfiguration build(TrialSpec trial, DataType dataType) {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .seed(trial.seed())
            .dataType(dataType)
            .weightInit(weightInit(trial.training().weightInit()))
            .biasInit(0)
            .updater(updater(trial.training()))
            .convolutionMode(ConvolutionMode.Truncate)
            // Keeps each conv layer's pre-activations from the forward pass for the backward pass,
            // which otherwise
            // runs the convolution again (DL4J's ConvolutionLayer, and ChannelsLastConvLayer as
            // it): 20% faster, same
            // numbers.
            .cacheMode(CacheMode.DEVICE)
            .list();
    architecture(trial.architecture())
        .addLayers(
            new LayerStack(
                list,
                trial.activation(),
                trial.training().dropoutScale(),
                ImageSet.CHANNELS,
                ImageSet.SIDE,
                ImageSet.SIDE));
    return list.setInputType(
            InputType.convolutional(ImageSet.SIDE, ImageSet.SIDE, ImageSet.CHANNELS))
        .build();
  }

  /**
   * Keras's initialisers in DL4J's terms: glorot_uniform is Xavier uniform; he_normal and
   * lecun_normal are normal with variance 2/fan_in and 1/fan_in (Keras truncates its normals at two
   * deviations, DL4J does not).
   */
  static WeightInit weightInit(org.sweep4j.config.WeightInit choice) {
    return switch (choice) {
      case GLOROT_UNIFORM -> WeightInit.XAVIER_UNIFORM;
      case HE_NORMAL -> WeightInit.RELU;
      case LECUN_NORMAL -> WeightInit.LECUN_NORMAL;
    };
  }

  static IUpdater updater(TrainingSpec training) {
    double lr = training.learningRate();
    return switch (training.optimizer()) {
      case ADAM -> new Adam(lr, 0.9, 0.999, KERAS_EPSILON);
      case SGD -> new Sgd(lr);
      // DL4J's only momentum updater is Nesterov's; Keras's SGD(momentum=0.9) is the classical
      // kind.
      case SGD_MOMENTUM -> new Nesterovs(lr, 0.9);
      case RMSPROP -> new RmsProp(lr, 0.9, KERAS_EPSILON);
    };
  }
}
