package org.sweep4j.grid;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.Augmentation;
import org.sweep4j.config.Axis;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.TrainingSpec;

/**
 * One combination of the grid's settings; the sweep runs it once per seed. Validated as a whole:
 * the global batch must be the workers' minibatches together.
 */
public record GridPoint(
    ActivationSpec activation,
    Architecture architecture,
    Augmentation augmentation,
    TrainingSpec training,
    DistributionSpec distribution) {

  public GridPoint {
    if (activation == null
        || architecture == null
        || augmentation == null
        || training == null
        || distribution == null) {
      throw new IllegalArgumentException("every part of a grid point is required");
    }
    if ((long) distribution.workers() * distribution.batchSizePerWorker() != training.batchSize()) {
      throw new IllegalArgumentException(
          "training.batch_size ("
              + training.batchSize()
              + ") must equal distribution.workers ("
              + distribution.workers()
              + ") x distribution.batch_size_per_worker ("
              + distribution.batchSizePerWorker()
              + ")");
    }
  }

  /**
   * Whether this point has, for every axis {@code values} names, one of its values (as {@link
   * #valueOf}).
   */
  public boolean matches(Map<Axis, Set<String>> values) {
    return values.entrySet().stream().allMatch(e -> e.getValue().contains(valueOf(e.getKey())));
  }

  /** {@code "activation=relu, learning_rate=0.01"}: the given axes' values, for messages. */
  public String describe(Iterable<Axis> axes) {
    StringJoiner text = new StringJoiner(", ");
    for (Axis axis : axes) {
      text.add(axis.label() + "=" + valueOf(axis));
    }
    return text.toString();
  }

  /** This point's value of {@code axis}, as text: how ids, plans, tables and reports show it. */
  public String valueOf(Axis axis) {
    return Axis.label(
        switch (axis) {
          case ARCHITECTURE -> architecture;
          case AUGMENTATION -> augmentation;
          case OPTIMIZER -> training.optimizer();
          case LEARNING_RATE -> training.learningRate();
          case BATCH_SIZE -> training.batchSize();
          case DROPOUT_SCALE -> training.dropoutScale();
          case WEIGHT_INIT -> training.weightInit();
          case WORKERS -> distribution.workers();
          case AVERAGING_FREQUENCY -> distribution.averagingFrequency();
          case BATCH_SIZE_PER_WORKER -> distribution.batchSizePerWorker();
          case ACTIVATION -> activation;
        });
  }
}
