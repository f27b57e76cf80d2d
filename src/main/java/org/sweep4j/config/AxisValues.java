package org.sweep4j.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The values a job file gives each {@link Axis}, typed. A null list means the axis is not given (in
 * a combination: not narrowed); a null element means "derive it" (a learning rate from the
 * optimizer, one batch size from the other and the workers).
 */
public record AxisValues(
    List<ActivationSpec> activations,
    List<Architecture> architectures,
    List<Augmentation> augmentations,
    List<Optimizer> optimizers,
    List<Double> learningRates,
    List<Integer> batchSizes,
    List<Double> dropoutScales,
    List<WeightInit> weightInits,
    List<Integer> workers,
    List<Integer> averagingFrequencies,
    List<Integer> batchSizesPerWorker) {

  public AxisValues {
    activations = copy(activations);
    architectures = copy(architectures);
    augmentations = copy(augmentations);
    optimizers = copy(optimizers);
    learningRates = copy(learningRates);
    batchSizes = copy(batchSizes);
    dropoutScales = copy(dropoutScales);
    weightInits = copy(weightInits);
    workers = copy(workers);
    averagingFrequencies = copy(averagingFrequencies);
    batchSizesPerWorker = copy(batchSizesPerWorker);
  }

  /** No axis given: the start of a combination. */
  public static final AxisValues NONE =
      new AxisValues(null, null, null, null, null, null, null, null, null, null, null);

  /** These values with every axis {@code narrowing} gives replaced by its values there. */
  public AxisValues narrowedBy(AxisValues narrowing) {
    return new AxisValues(
        or(narrowing.activations, activations),
        or(narrowing.architectures, architectures),
        or(narrowing.augmentations, augmentations),
        or(narrowing.optimizers, optimizers),
        or(narrowing.learningRates, learningRates),
        or(narrowing.batchSizes, batchSizes),
        or(narrowing.dropoutScales, dropoutScales),
        or(narrowing.weightInits, weightInits),
        or(narrowing.workers, workers),
        or(narrowing.averagingFrequencies, averagingFrequencies),
        or(narrowing.batchSizesPerWorker, batchSizesPerWorker));
  }

  /** How many values {@code axis} has (0 when it is not given). */
  public int count(Axis axis) {
    List<?> values = list(axis);
    return values == null ? 0 : values.size();
  }

  /**
   * Value {@code index} of {@code axis} as text (as ids, plans and reports show it); null: derived.
   */
  public String label(Axis axis, int index) {
    Object value = list(axis).get(index);
    return value == null ? null : Axis.label(value);
  }

  private List<?> list(Axis axis) {
    return switch (axis) {
      case ACTIVATION -> activations;
      case ARCHITECTURE -> architectures;
      case AUGMENTATION -> augmentations;
      case OPTIMIZER -> optimizers;
      case LEARNING_RATE -> learningRates;
      case BATCH_SIZE -> batchSizes;
      case DROPOUT_SCALE -> dropoutScales;
      case WEIGHT_INIT -> weightInits;
      case WORKERS -> workers;
      case AVERAGING_FREQUENCY -> averagingFrequencies;
      case BATCH_SIZE_PER_WORKER -> batchSizesPerWorker;
    };
  }

  /**
   * A narrowing that gives one numeric axis the single {@code value} (a drawn point of a search),
   * on top of this one.
   */
  public AxisValues withNumber(Axis axis, Object value) {
    List<Double> real = value instanceof Double d ? List.of(d) : null;
    List<Integer> whole = value instanceof Integer i ? List.of(i) : null;
    return narrowedBy(
        new AxisValues(
            null,
            null,
            null,
            null,
            axis == Axis.LEARNING_RATE ? real : null,
            axis == Axis.BATCH_SIZE ? whole : null,
            axis == Axis.DROPOUT_SCALE ? real : null,
            null,
            axis == Axis.WORKERS ? whole : null,
            axis == Axis.AVERAGING_FREQUENCY ? whole : null,
            axis == Axis.BATCH_SIZE_PER_WORKER ? whole : null));
  }

  private static <T> List<T> or(List<T> first, List<T> second) {
    return first != null ? first : second;
  }

  /** An unmodifiable copy that, unlike {@link List#copyOf}, keeps null elements. */
  private static <T> List<T> copy(List<T> values) {
    return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
  }
}
