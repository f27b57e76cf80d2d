package org.sweep4j.config;

/**
 * A setting that can vary across a sweep's trials, by the name job files use for it in {@code grid.combinations}
 * and {@code grid.exclude}. Seeds are not an axis in this sense: every grid point runs with every seed.
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
    return switch (this) {
      case ARCHITECTURE -> point.architecture().label();
      case AUGMENTATION -> point.augmentation().label();
      case OPTIMIZER -> t.optimizer().label();
      case LEARNING_RATE -> ParamDef.canonicalNumber(t.learningRate());
      case BATCH_SIZE -> Integer.toString(t.batchSize());
      case DROPOUT_SCALE -> ParamDef.canonicalNumber(t.dropoutScale());
      case WEIGHT_INIT -> t.weightInit().label();
      case WORKERS -> Integer.toString(d.workers());
      case AVERAGING_FREQUENCY -> Integer.toString(d.averagingFrequency());
      case BATCH_SIZE_PER_WORKER -> Integer.toString(d.batchSizePerWorker());
      case ACTIVATION -> point.activation().label();
    };
  }
}
