package org.sweep4j.config;

/**
 * How each trial trains. Defaults follow Keras: Adam(1e-3, 0.9, 0.999, 1e-7), categorical cross-entropy.
 *
 * @param batchSize images per synchronous step across all workers; each worker takes
 *     {@link DistributionSpec#batchSizePerWorker()} of them
 * @param trainEvalSize training images scored (loss, accuracy) after every epoch, from the start of the
 *     training set; 0 scores all of them
 */
public record TrainingSpec(int epochs, int batchSize, Optimizer optimizer, double learningRate, int trainEvalSize) {
  public static final int MAX_EPOCHS = 10_000;

  public TrainingSpec {
    if (epochs < 1 || epochs > MAX_EPOCHS) {
      throw new IllegalArgumentException("training.epochs must be in [1, " + MAX_EPOCHS + "], found " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("training.batch_size must be at least 1, found " + batchSize);
    }
    if (optimizer == null) {
      throw new IllegalArgumentException("training.optimizer is missing");
    }
    if (!(learningRate > 0 && learningRate < 10)) {
      throw new IllegalArgumentException("training.learning_rate must be in (0, 10), found " + learningRate);
    }
    if (trainEvalSize < 0) {
      throw new IllegalArgumentException("training.train_eval_size must be 0 (all) or more, found " + trainEvalSize);
    }
  }

  public String canonical() {
    return "epochs=" + epochs + ",batch=" + batchSize + ",opt=" + optimizer.label() + ",lr="
        + ParamDef.canonicalNumber(learningRate);
  }
}
