package org.sweep4j.config;

/**
 * The training settings every trial of a sweep shares, whatever its grid point: epochs, how many
 * training images are scored after each epoch, the probe batch of the diagnostics, and early
 * stopping (null: off).
 */
public record SharedTraining(
    int epochs, int trainEvalSize, int probeSize, EarlyStopping earlyStopping) {
  public static final int MAX_EPOCHS = 10_000;

  /** Training images scored after each epoch unless the job says otherwise. */
  public static final int DEFAULT_TRAIN_EVAL_SIZE = 10_000;

  public static final int DEFAULT_PROBE_SIZE = 100;

  /**
   * A probe batch is one forward and backward pass per epoch: keep it a minibatch, not a data set.
   */
  public static final int MAX_PROBE_SIZE = 1_000;

  public SharedTraining {
    if (epochs < 1 || epochs > MAX_EPOCHS) {
      throw new IllegalArgumentException(
          "training.epochs must be in [1, " + MAX_EPOCHS + "], found " + epochs);
    }
    if (trainEvalSize < 0) {
      throw new IllegalArgumentException(
          "training.train_eval_size must be 0 (all) or more, found " + trainEvalSize);
    }
    if (probeSize < 0 || probeSize > MAX_PROBE_SIZE) {
      throw new IllegalArgumentException(
          "training.probe_size must be in [0, "
              + MAX_PROBE_SIZE
              + "] (0 = no layer_stats), found "
              + probeSize);
    }
  }
}
