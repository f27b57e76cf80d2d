package org.sweep4j.config;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

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
   * Axis#valueOf}).
   */
  public boolean matches(Map<Axis, Set<String>> values) {
    return values.entrySet().stream()
        .allMatch(e -> e.getValue().contains(e.getKey().valueOf(this)));
  }

  /** {@code "activation=relu, learning_rate=0.01"}: the given axes' values, for messages. */
  public String describe(Iterable<Axis> axes) {
    StringJoiner text = new StringJoiner(", ");
    for (Axis axis : axes) {
      text.add(axis.label() + "=" + axis.valueOf(this));
    }
    return text.toString();
  }
}
