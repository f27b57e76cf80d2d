package org.sweep4j.training;

/**
 * Trains one trial epoch by epoch, wherever its copies of the network live: {@link TrialLoop}
 * decides when to stop and which epoch's weights the trial ends with, the trainer does the work.
 */
interface EpochTrainer extends AutoCloseable {
  /** The network's parameter count. */
  long params();

  /**
   * Trains epoch {@code epoch} (from 1) and scores it on the validation and training-evaluation
   * shards.
   */
  EpochResult train(int epoch);

  /**
   * Remembers the weights of the epoch just trained as the best so far (early stopping's
   * restore_best).
   */
  void keepAsBest();

  /** Goes back to the weights {@link #keepAsBest} remembered last. */
  void restoreBest();

  /**
   * Scores the current (possibly restored) weights on the test shards scored once, after the last
   * epoch.
   */
  EvalCounts test();

  /**
   * Goes on from the checkpoint of epoch {@code epoch}, as if epochs 1..epoch had just been trained
   * ({@link TrialCheckpoint}); only trainers that keep checkpoints can.
   */
  default void resumeFrom(int epoch) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no checkpoint");
  }

  /** Keeps the last epoch's checkpoint when closing, for a later run to resume from. */
  default void keepCheckpoint() {}

  /** Removes what the trainer left on executors or file systems; never throws. */
  @Override
  void close();
}
