package org.sweep4j.results;

import java.util.List;

/**
 * One epoch of one trial: losses and accuracies measured after the epoch in inference mode (no
 * dropout), the epoch's training time, and training throughput.
 */
public record EpochRow(
    String trialId,
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double valLoss,
    double valAccuracy,
    double seconds,
    double imagesPerSecond) {

  public static final List<Column> COLUMNS =
      List.of(
          Column.string("trial_id"),
          Column.integer("epoch"),
          Column.number("train_loss"),
          Column.number("train_accuracy"),
          Column.number("val_loss"),
          Column.number("val_accuracy"),
          Column.number("seconds"),
          Column.number("images_per_second"));

  public EpochRow {
    if (trialId == null || trialId.isBlank()) {
      throw new IllegalArgumentException("trial_id is missing");
    }
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be >= 1, found " + epoch);
    }
    requireFraction("train_accuracy", trainAccuracy);
    requireFraction("val_accuracy", valAccuracy);
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("seconds must be >= 0, found " + seconds);
    }
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], found " + value);
    }
  }

  /** True when a loss is NaN or infinite: the trial diverged in this epoch. */
  public boolean diverged() {
    return !Double.isFinite(trainLoss) || !Double.isFinite(valLoss);
  }

  Object[] values() {
    return new Object[] {
      trialId, epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, seconds, imagesPerSecond
    };
  }

  static EpochRow fromValues(Object[] v) {
    return new EpochRow(
        (String) v[0],
        (Integer) v[1],
        (Double) v[2],
        (Double) v[3],
        (Double) v[4],
        (Double) v[5],
        (Double) v[6],
        (Double) v[7]);
  }
}
