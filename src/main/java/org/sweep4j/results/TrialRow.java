package org.sweep4j.results;

import java.time.Instant;

/**
 * One trial (the {@code trials} table): what it was ({@link Settings}), how it ended ({@link
 * Outcome}), and what produced it ({@link Provenance}).
 */
public record TrialRow(
    String trialId, String sweep, Settings settings, Outcome outcome, Provenance provenance) {

  /** Why a finished trial ran fewer epochs than it was given. */
  public static final String EARLY_STOPPING = "early_stopping";

  /** The stop reason of a trial pruned at rung R (from 1): {@code pruned_at_rung_R}. */
  public static final String PRUNED_AT_RUNG = "pruned_at_rung_";

  /**
   * Every setting that decides a trial's result.
   *
   * @param validation what {@code val_*} measured: {@code test} (the test set) or {@code
   *     holdout(N)}; null in results written before validation was a choice (they all validated on
   *     the test set)
   * @param augmentation {@code none} or {@code crop_flip}; older trials read as none
   * @param dropoutScale multiplier of the architecture's dropout rates; older trials read as 1
   * @param weightInit glorot_uniform, he_normal or lecun_normal; older trials read as
   *     glorot_uniform
   */
  public record Settings(
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
      String validation,
      String augmentation,
      Double dropoutScale,
      String weightInit) {
    public Settings {
      augmentation = augmentation == null ? "none" : augmentation;
      dropoutScale = dropoutScale == null ? 1.0 : dropoutScale;
      weightInit = weightInit == null ? "glorot_uniform" : weightInit;
    }
  }

  /**
   * How a trial ended. Accuracies are null when it ended before its first epoch.
   *
   * @param stopReason {@code epochs} (ran them all), {@code early_stopping} (validation loss
   *     stopped improving), {@code diverged}, {@code error} or {@code interrupted}; derived from
   *     the status when not given
   * @param finalValAccuracy validation accuracy of the weights the trial ended with: those of
   *     {@code finalEpoch}
   * @param testLoss test-set loss of the weights a finished trial ended with (for validation on the
   *     test set, that epoch's validation loss), else null
   * @param finalEpoch the epoch whose weights the trial ended with: the last one run, or the best
   *     one when early stopping restored it; null when no epoch ran, and in results written before
   *     it was recorded (their trials ended with the last epoch's weights, or restored ones without
   *     saying so)
   */
  public record Outcome(
      TrialStatus status,
      String error,
      Instant startedAt,
      Instant finishedAt,
      long params,
      int epochsCompleted,
      Double finalValAccuracy,
      Double bestValAccuracy,
      Integer bestEpoch,
      Double testLoss,
      Double testAccuracy,
      String stopReason,
      Integer finalEpoch) {
    public Outcome {
      if (status == null || startedAt == null || finishedAt == null) {
        throw new IllegalArgumentException("a trial's status and times are required");
      }
      if (stopReason == null) {
        stopReason =
            switch (status) {
              case FINISHED -> "epochs";
              case DIVERGED -> "diverged";
              case FAILED -> "error";
              case INTERRUPTED -> "interrupted";
            };
      }
    }

    /** The pruning rung (from 1) the trial was stopped at, 0 if it was not pruned. */
    public int prunedAtRung() {
      return stopReason != null && stopReason.startsWith(PRUNED_AT_RUNG)
          ? Integer.parseInt(stopReason.substring(PRUNED_AT_RUNG.length()))
          : 0;
    }

    /** Whether the trial ended with the weights of an epoch before its last (restore_best). */
    public boolean restoredBest() {
      return finalEpoch != null && finalEpoch < epochsCompleted;
    }

    /** Whether early stopping or pruning ended the trial before its last epoch. */
    public boolean stoppedEarly() {
      return EARLY_STOPPING.equals(stopReason) || prunedAtRung() > 0;
    }
  }

  public static final Schema<TrialRow> SCHEMA =
      Schema.<TrialRow>table("trials")
          .string("trial_id", TrialRow::trialId)
          .string("sweep", TrialRow::sweep)
          .string("activation", t -> t.settings.activation())
          .string("activation_config", t -> t.settings.activationConfig())
          .string("architecture", t -> t.settings.architecture())
          .longInt("seed", t -> t.settings.seed())
          .integer("epochs", t -> t.settings.epochs())
          .integer("batch_size", t -> t.settings.batchSize())
          .string("optimizer", t -> t.settings.optimizer())
          .number("learning_rate", t -> t.settings.learningRate())
          .integer("workers", t -> t.settings.workers())
          .integer("averaging_frequency", t -> t.settings.averagingFrequency())
          .integer("batch_size_per_worker", t -> t.settings.batchSizePerWorker())
          .string("dataset", t -> t.settings.dataset())
          .integer("train_size", t -> t.settings.trainSize())
          .integer("test_size", t -> t.settings.testSize())
          .string("data_description", t -> t.settings.dataDescription())
          .string("status", t -> t.outcome.status().label())
          .string("error", t -> t.outcome.error())
          .timestamp("started_at", t -> t.outcome.startedAt())
          .timestamp("finished_at", t -> t.outcome.finishedAt())
          .longInt("params", t -> t.outcome.params())
          .integer("epochs_completed", t -> t.outcome.epochsCompleted())
          .number("final_val_accuracy", t -> t.outcome.finalValAccuracy())
          .number("best_val_accuracy", t -> t.outcome.bestValAccuracy())
          .integer("best_epoch", t -> t.outcome.bestEpoch())
          .string("validation", t -> t.settings.validation())
          .addedLater()
          .string("augmentation", t -> t.settings.augmentation())
          .addedLater()
          .number("test_loss", t -> t.outcome.testLoss())
          .addedLater()
          .number("test_accuracy", t -> t.outcome.testAccuracy())
          .addedLater()
          .number("dropout_scale", t -> t.settings.dropoutScale())
          .addedLater()
          .string("weight_init", t -> t.settings.weightInit())
          .addedLater()
          .string("stop_reason", t -> t.outcome.stopReason())
          .addedLater()
          .integer("final_epoch", t -> t.outcome.finalEpoch())
          .addedLater()
          .string("sweep4j_version", t -> t.provenance.sweep4jVersion())
          .string("dl4j_version", t -> t.provenance.dl4jVersion())
          .string("spark_version", t -> t.provenance.sparkVersion())
          .string("native_backend", t -> t.provenance.nativeBackend())
          .string("spark_master", t -> t.provenance.sparkMaster())
          .integer("task_failures", t -> t.provenance.taskFailures())
          .addedLater()
          .integer("executors_lost", t -> t.provenance.executorsLost())
          .addedLater()
          .readBy(TrialRow::read);

  public TrialRow {
    if (trialId == null || trialId.isBlank()) {
      throw new IllegalArgumentException("trial_id is missing");
    }
    if (settings == null || outcome == null || provenance == null) {
      throw new IllegalArgumentException(
          "trial " + trialId + ": settings, outcome and provenance are required");
    }
    int ran = outcome.epochsCompleted();
    int planned = settings.epochs();
    if (outcome.status() == TrialStatus.FINISHED
        && (outcome.stoppedEarly() ? ran > planned : ran != planned)) {
      throw new IllegalArgumentException(
          "trial "
              + trialId
              + " is finished but completed "
              + ran
              + " of "
              + planned
              + " epochs"
              + (outcome.stoppedEarly() ? "" : " without stopping early"));
    }
  }

  private static TrialRow read(Schema.Values v) {
    Provenance provenance =
        new Provenance(
            v.string("sweep4j_version"),
            v.string("dl4j_version"),
            v.string("spark_version"),
            v.string("native_backend"),
            v.string("spark_master"),
            v.integer("task_failures"),
            v.integer("executors_lost"));
    return new TrialRow(
        v.string("trial_id"), v.string("sweep"), readSettings(v), readOutcome(v), provenance);
  }

  private static Settings readSettings(Schema.Values v) {
    return new Settings(
        v.string("activation"),
        v.string("activation_config"),
        v.string("architecture"),
        v.longInt("seed"),
        v.integer("epochs"),
        v.integer("batch_size"),
        v.string("optimizer"),
        v.number("learning_rate"),
        v.integer("workers"),
        v.integer("averaging_frequency"),
        v.integer("batch_size_per_worker"),
        v.string("dataset"),
        v.integer("train_size"),
        v.integer("test_size"),
        v.string("data_description"),
        v.string("validation"),
        v.string("augmentation"),
        v.number("dropout_scale"),
        v.string("weight_init"));
  }

  private static Outcome readOutcome(Schema.Values v) {
    return new Outcome(
        TrialStatus.parse(v.string("status")),
        v.string("error"),
        v.timestamp("started_at"),
        v.timestamp("finished_at"),
        v.longInt("params"),
        v.integer("epochs_completed"),
        v.number("final_val_accuracy"),
        v.number("best_val_accuracy"),
        v.integer("best_epoch"),
        v.number("test_loss"),
        v.number("test_accuracy"),
        v.string("stop_reason"),
        v.integer("final_epoch"));
  }
}
