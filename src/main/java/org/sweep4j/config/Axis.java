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

  /** A value of any axis as text, the way ids, plans, tables and reports show it. */
  public static String label(Object value) {
    if (value instanceof ActivationSpec activation) {
      return activation.label();
    }
    if (value instanceof Architecture architecture) {
      return architecture.label();
    }
    if (value instanceof Augmentation augmentation) {
      return augmentation.label();
    }
    if (value instanceof Optimizer optimizer) {
      return optimizer.label();
    }
    if (value instanceof WeightInit weightInit) {
      return weightInit.label();
    }
    if (value instanceof Double number) {
      return ParamDef.canonicalNumber(number);
    }
    return String.valueOf(value);
  }
}
