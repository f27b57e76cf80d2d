package org.sweep4j.config;

/**
 * A setting that can vary across a sweep's trials, by the name job files use for it in {@code
 * grid.combinations} and {@code grid.exclude}. Seeds are not an axis in this sense: every grid
 * point runs with every seed.
 */
public enum Axis {
  ARCHITECTURE,
  AUGMENTATION,
  OPTIMIZER,
  LEARNING_RATE,
  BATCH_SIZE,
  DROPOUT_SCALE,
  WEIGHT_INIT,
  WORKERS,
  AVERAGING_FREQUENCY,
  BATCH_SIZE_PER_WORKER,
  ACTIVATION;

  public String label() {
    return Choices.nameOf(this);
  }

  public static Axis parse(String text) {
    return Choices.parse(Axis.class, "grid axis", text);
  }

  /** This axis's value in {@code point}, as text: how ids, plans, tables and reports show it. */
  public String valueOf(GridPoint point) {
    TrainingSpec t = point.training();
    DistributionSpec d = point.distribution();
    return label(
        switch (this) {
          case ARCHITECTURE -> point.architecture();
          case AUGMENTATION -> point.augmentation();
          case OPTIMIZER -> t.optimizer();
          case LEARNING_RATE -> t.learningRate();
          case BATCH_SIZE -> t.batchSize();
          case DROPOUT_SCALE -> t.dropoutScale();
          case WEIGHT_INIT -> t.weightInit();
          case WORKERS -> d.workers();
          case AVERAGING_FREQUENCY -> d.averagingFrequency();
          case BATCH_SIZE_PER_WORKER -> d.batchSizePerWorker();
          case ACTIVATION -> point.activation();
        });
  }

  /**
   * A value of this axis (as a job file's value parses to) as text, the way {@link #valueOf} shows
   * it.
   */
  String label(Object value) {
    return switch (this) {
      case ACTIVATION -> ((ActivationSpec) value).label();
      case ARCHITECTURE -> ((Architecture) value).label();
      case AUGMENTATION -> ((Augmentation) value).label();
      case OPTIMIZER -> ((Optimizer) value).label();
      case WEIGHT_INIT -> ((WeightInit) value).label();
      case LEARNING_RATE, DROPOUT_SCALE -> ParamDef.canonicalNumber((Double) value);
      case BATCH_SIZE, WORKERS, AVERAGING_FREQUENCY, BATCH_SIZE_PER_WORKER -> value.toString();
    };
  }
}
