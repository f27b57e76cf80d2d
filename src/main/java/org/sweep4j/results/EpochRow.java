package org.sweep4j.results;

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

  public static final Schema<EpochRow> SCHEMA =
      Schema.<EpochRow>table("epochs")
          .string("trial_id", EpochRow::trialId)
          .integer("epoch", EpochRow::epoch)
          .number("train_loss", EpochRow::trainLoss)
          .number("train_accuracy", EpochRow::trainAccuracy)
          .number("val_loss", EpochRow::valLoss)
          .number("val_accuracy", EpochRow::valAccuracy)
          .number("seconds", EpochRow::seconds)
          .number("images_per_second", EpochRow::imagesPerSecond)
          .readBy(
              v ->
                  new EpochRow(
                      v.string("trial_id"),
                      v.integer("epoch"),
                      v.number("train_loss"),
                      v.number("train_accuracy"),
                      v.number("val_loss"),
                      v.number("val_accuracy"),
                      v.number("seconds"),
                      v.number("images_per_second")));

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
}
