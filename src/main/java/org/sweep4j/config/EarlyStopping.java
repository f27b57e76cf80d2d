package org.sweep4j.config;

/**
 * Stop a trial when validation loss has not improved by more than {@code minDelta} for {@code
 * patience} epochs in a row (Keras's EarlyStopping on val_loss). With {@code restoreBest} the trial
 * ends with the weights of its best epoch (lowest validation loss), and its test result is measured
 * with those.
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {
  public static final int MAX_PATIENCE = 1_000;

  public EarlyStopping {
    if (patience < 1 || patience > MAX_PATIENCE) {
      throw new IllegalArgumentException(
          "training.early_stopping.patience must be in [1, "
              + MAX_PATIENCE
              + "], found "
              + patience);
    }
    if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
      throw new IllegalArgumentException(
          "training.early_stopping.min_delta must be 0 or more, found " + minDelta);
    }
  }

  /** Whether a validation loss of {@code loss} improves on the best so far. */
  public boolean improves(double loss, double best) {
    return loss < best - minDelta;
  }

  /** The form that goes into trial ids. */
  public String canonical() {
    return "patience="
        + patience
        + ",min_delta="
        + ParamDef.canonicalNumber(minDelta)
        + ",restore="
        + restoreBest;
  }
}
