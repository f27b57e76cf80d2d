package org.sweep4j.config;

/**
 * How each trial trains. Defaults follow Keras: Adam(1e-3, 0.9, 0.999, 1e-7), categorical
 * cross-entropy.
 *
 * @param batchSize images per synchronous step across all workers; each worker takes {@link
 *     DistributionSpec#batchSizePerWorker()} of them
 * @param trainEvalSize training images scored (loss, accuracy) after every epoch, from the start of
 *     the training set; 0 scores all of them
 * @param probeSize training images (from the start of the training set) in the fixed probe batch
 *     the {@code layer_stats} diagnostics are measured on after every epoch; 0 switches diagnostics
 *     off. It does not change what is learned, so it is not part of the trial id.
 * @param dropoutScale multiplies every dropout rate of the architecture (1 as designed, 0 none, 2
 *     doubles them, capped at 0.9)
 * @param weightInit how weights start (biases start at zero)
 * @param earlyStopping when to stop before {@code epochs}; null runs every epoch
 */
public record TrainingSpec(
    int epochs,
    int batchSize,
    Optimizer optimizer,
    double learningRate,
    int trainEvalSize,
    int probeSize,
    double dropoutScale,
    WeightInit weightInit,
    EarlyStopping earlyStopping) {
  public static final double MAX_DROPOUT_SCALE = 10;

  /**
   * Settings with the defaults a job file leaves out: the default probe batch, the architecture's
   * dropout, Glorot-uniform weights, every epoch run. (Tests and the bench use it.)
   */
  public TrainingSpec(
      int epochs, int batchSize, Optimizer optimizer, double learningRate, int trainEvalSize) {
    this(
        epochs,
        batchSize,
        optimizer,
        learningRate,
        trainEvalSize,
        SharedTraining.DEFAULT_PROBE_SIZE,
        1.0,
        WeightInit.GLOROT_UNIFORM,
        null);
  }

  public TrainingSpec {
    new SharedTraining(epochs, trainEvalSize, probeSize, earlyStopping); // validates those four
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "training.batch_size must be at least 1, found " + batchSize);
    }
    if (optimizer == null) {
      throw new IllegalArgumentException("training.optimizer is missing");
    }
    if (!(learningRate > 0 && learningRate < 10)) {
      throw new IllegalArgumentException(
          "training.learning_rate must be in (0, 10), found " + learningRate);
    }
    if (!(dropoutScale >= 0 && dropoutScale <= MAX_DROPOUT_SCALE)) {
      throw new IllegalArgumentException(
          "training.dropout_scale must be in [0, "
              + (int) MAX_DROPOUT_SCALE
              + "], found "
              + dropoutScale);
    }
    if (weightInit == null) {
      throw new IllegalArgumentException("training.weight_init is missing");
    }
  }

  public String canonical() {
    // Dropout scale and initialisation appear only when not the defaults, so earlier trials keep
    // their ids.
    return "epochs="
        + epochs
        + ",batch="
        + batchSize
        + ",opt="
        + optimizer.label()
        + ",lr="
        + ParamDef.canonicalNumber(learningRate)
        + (dropoutScale == 1.0 ? "" : ",dropout_scale=" + ParamDef.canonicalNumber(dropoutScale))
        + (weightInit == WeightInit.GLOROT_UNIFORM ? "" : ",init=" + weightInit.label())
        + (earlyStopping == null ? "" : ",early_stopping(" + earlyStopping.canonical() + ")");
  }
}
