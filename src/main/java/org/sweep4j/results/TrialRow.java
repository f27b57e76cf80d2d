package org.sweep4j.results;

import java.time.Instant;
import java.util.List;

/**
 * One trial: what it was (every setting that decides its result), how it ended, and what produced
 * it. Accuracies are null when the trial ended before its first epoch.
 *
 * @param validation what {@code val_*} measured: {@code test} (the test set) or {@code holdout(N)};
 *     null in results written before validation was a choice (they all validated on the test set)
 * @param augmentation {@code none} or {@code crop_flip}; trials written before it was a choice read
 *     as none
 * @param dropoutScale multiplier of the architecture's dropout rates; trials written before it was
 *     a setting read as 1
 * @param weightInit glorot_uniform, he_normal or lecun_normal; older trials read as glorot_uniform
 * @param stopReason why the trial stopped: {@code epochs} (ran them all), {@code early_stopping}
 *     (validation loss stopped improving), {@code diverged} or {@code error}; derived from the
 *     status when not given
 * @param testLoss test-set loss after the last epoch of a finished trial (for validation on the
 *     test set, the last validation loss), else null
 */
public record TrialRow(
    String trialId,
    String sweep,
    String activation,
    String activationConfig,
    String architecture,
    long seed,
    int epochs,
    int batchSize,
    String optimizer,
    double learningRate,
    int workers,
    int averagingFrequency,
    int batchSizePerWorker,
    String dataset,
    int trainSize,
    int testSize,
    String dataDescription,
    TrialStatus status,
    String error,
    Instant startedAt,
    Instant finishedAt,
    long params,
    int epochsCompleted,
    Double finalValAccuracy,
    Double bestValAccuracy,
    Integer bestEpoch,
    String validation,
    String augmentation,
    Double testLoss,
    Double testAccuracy,
    Double dropoutScale,
    String weightInit,
    String stopReason,
    Provenance provenance) {

  /** Why a finished trial ran fewer epochs than it was given. */
  public static final String EARLY_STOPPING = "early_stopping";

  public static final List<Column> COLUMNS =
      List.of(
          Column.string("trial_id"),
          Column.string("sweep"),
          Column.string("activation"),
          Column.string("activation_config"),
          Column.string("architecture"),
          Column.longInt("seed"),
          Column.integer("epochs"),
          Column.integer("batch_size"),
          Column.string("optimizer"),
          Column.number("learning_rate"),
          Column.integer("workers"),
          Column.integer("averaging_frequency"),
          Column.integer("batch_size_per_worker"),
          Column.string("dataset"),
          Column.integer("train_size"),
          Column.integer("test_size"),
          Column.string("data_description"),
          Column.string("status"),
          Column.string("error"),
          Column.timestamp("started_at"),
          Column.timestamp("finished_at"),
          Column.longInt("params"),
          Column.integer("epochs_completed"),
          Column.number("final_val_accuracy"),
          Column.number("best_val_accuracy"),
          Column.integer("best_epoch"),
          Column.string("validation").addedLater(),
          Column.string("augmentation").addedLater(),
          Column.number("test_loss").addedLater(),
          Column.number("test_accuracy").addedLater(),
          Column.number("dropout_scale").addedLater(),
          Column.string("weight_init").addedLater(),
          Column.string("stop_reason").addedLater(),
          Column.string("sweep4j_version"),
          Column.string("dl4j_version"),
          Column.string("spark_version"),
          Column.string("native_backend"),
          Column.string("spark_master"));

  public TrialRow {
    if (trialId == null || trialId.isBlank()) {
      throw new IllegalArgumentException("trial_id is missing");
    }
    if (status == null || startedAt == null || finishedAt == null || provenance == null) {
      throw new IllegalArgumentException(
          "trial " + trialId + ": status, times and provenance are required");
    }
    if (augmentation == null) {
      augmentation = "none";
    }
    if (dropoutScale == null) {
      dropoutScale = 1.0;
    }
    if (weightInit == null) {
      weightInit = "glorot_uniform";
    }
    if (stopReason == null) {
      stopReason =
          switch (status) {
            case FINISHED -> "epochs";
            case DIVERGED -> "diverged";
            case FAILED -> "error";
          };
    }
    boolean stoppedEarly = EARLY_STOPPING.equals(stopReason);
    if (status == TrialStatus.FINISHED
        && (stoppedEarly ? epochsCompleted > epochs : epochsCompleted != epochs)) {
      throw new IllegalArgumentException(
          "trial "
              + trialId
              + " is finished but completed "
              + epochsCompleted
              + " of "
              + epochs
              + " epochs"
              + (stoppedEarly ? "" : " without stopping early"));
    }
  }

  /**
   * A trial with the default dropout scale and initialisation (as every trial before they were
   * settings).
   */
  public TrialRow(
      String trialId,
      String sweep,
      String activation,
      String activationConfig,
      String architecture,
      long seed,
      int epochs,
      int batchSize,
      String optimizer,
      double learningRate,
      int workers,
      int averagingFrequency,
      int batchSizePerWorker,
      String dataset,
      int trainSize,
      int testSize,
      String dataDescription,
      TrialStatus status,
      String error,
      Instant startedAt,
      Instant finishedAt,
      long params,
      int epochsCompleted,
      Double finalValAccuracy,
      Double bestValAccuracy,
      Integer bestEpoch,
      String validation,
      String augmentation,
      Double testLoss,
      Double testAccuracy,
      Provenance provenance) {
    this(
        trialId,
        sweep,
        activation,
        activationConfig,
        architecture,
        seed,
        epochs,
        batchSize,
        optimizer,
        learningRate,
        workers,
        averagingFrequency,
        batchSizePerWorker,
        dataset,
        trainSize,
        testSize,
        dataDescription,
        status,
        error,
        startedAt,
        finishedAt,
        params,
        epochsCompleted,
        finalValAccuracy,
        bestValAccuracy,
        bestEpoch,
        validation,
        augmentation,
        testLoss,
        testAccuracy,
        null,
        null,
        null,
        provenance);
  }

  Object[] values() {
    return new Object[] {
      trialId,
      sweep,
      activation,
      activationConfig,
      architecture,
      seed,
      epochs,
      batchSize,
      optimizer,
      learningRate,
      workers,
      averagingFrequency,
      batchSizePerWorker,
      dataset,
      trainSize,
      testSize,
      dataDescription,
      status.label(),
      error,
      startedAt,
      finishedAt,
      params,
      epochsCompleted,
      finalValAccuracy,
      bestValAccuracy,
      bestEpoch,
      validation,
      augmentation,
      testLoss,
      testAccuracy,
      dropoutScale,
      weightInit,
      stopReason,
      provenance.sweep4jVersion(),
      provenance.dl4jVersion(),
      provenance.sparkVersion(),
      provenance.nativeBackend(),
      provenance.sparkMaster()
    };
  }

  static TrialRow fromValues(Object[] v) {
    return new TrialRow(
        (String) v[0],
        (String) v[1],
        (String) v[2],
        (String) v[3],
        (String) v[4],
        (Long) v[5],
        (Integer) v[6],
        (Integer) v[7],
        (String) v[8],
        (Double) v[9],
        (Integer) v[10],
        (Integer) v[11],
        (Integer) v[12],
        (String) v[13],
        (Integer) v[14],
        (Integer) v[15],
        (String) v[16],
        TrialStatus.parse((String) v[17]),
        (String) v[18],
        (Instant) v[19],
        (Instant) v[20],
        (Long) v[21],
        (Integer) v[22],
        (Double) v[23],
        (Double) v[24],
        (Integer) v[25],
        (String) v[26],
        (String) v[27],
        (Double) v[28],
        (Double) v[29],
        (Double) v[30],
        (String) v[31],
        (String) v[32],
        new Provenance(
            (String) v[33], (String) v[34], (String) v[35], (String) v[36], (String) v[37]));
  }
}
