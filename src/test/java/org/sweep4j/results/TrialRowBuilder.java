package org.sweep4j.results;

import java.time.Instant;

/**
 * Trial rows for tests: a finished two-epoch small-CNN ReLU trial of seed 1 on synthetic data,
 * every setting changeable by name.
 */
public final class TrialRowBuilder {
  private String id = "t";
  private String sweep = "s";
  private String activation = "relu";
  private String architecture = "small_cnn";
  private long seed = 1;
  private int epochs = 2;
  private int batchSize = 32;
  private double learningRate = 1e-3;
  private int workers = 1;
  private int averagingFrequency = 5;
  private String validation = "test";
  private String augmentation = "none";
  private TrialStatus status = TrialStatus.FINISHED;
  private String error;
  private Instant startedAt = Instant.EPOCH;
  private Instant finishedAt = Instant.EPOCH;
  private long params = 10;
  private Integer epochsCompleted;
  private Double finalValAccuracy;
  private Double bestValAccuracy;
  private Integer bestEpoch;
  private Double testLoss;
  private Double testAccuracy;
  private String stopReason;
  private Integer finalEpoch;

  public static TrialRowBuilder trial(String id) {
    TrialRowBuilder builder = new TrialRowBuilder();
    builder.id = id;
    return builder;
  }

  public TrialRowBuilder sweep(String value) {
    sweep = value;
    return this;
  }

  public TrialRowBuilder activation(String value) {
    activation = value;
    return this;
  }

  public TrialRowBuilder architecture(String value) {
    architecture = value;
    return this;
  }

  public TrialRowBuilder seed(long value) {
    seed = value;
    return this;
  }

  public TrialRowBuilder epochs(int value) {
    epochs = value;
    return this;
  }

  public TrialRowBuilder learningRate(double value) {
    learningRate = value;
    return this;
  }

  /** Workers, with the batch split evenly over them. */
  public TrialRowBuilder workers(int value) {
    workers = value;
    return this;
  }

  public TrialRowBuilder averagingFrequency(int value) {
    averagingFrequency = value;
    return this;
  }

  public TrialRowBuilder validation(String value) {
    validation = value;
    return this;
  }

  public TrialRowBuilder augmentation(String value) {
    augmentation = value;
    return this;
  }

  /** An ended trial; a status other than finished gets an error unless one is set. */
  public TrialRowBuilder status(TrialStatus value) {
    status = value;
    return this;
  }

  public TrialRowBuilder error(String value) {
    error = value;
    return this;
  }

  public TrialRowBuilder times(Instant started, Instant finished) {
    startedAt = started;
    finishedAt = finished;
    return this;
  }

  /** Epochs completed (default: all of them). */
  public TrialRowBuilder completed(int value) {
    epochsCompleted = value;
    return this;
  }

  public TrialRowBuilder accuracies(Double finalValue, Double best, Integer bestAt) {
    finalValAccuracy = finalValue;
    bestValAccuracy = best;
    bestEpoch = bestAt;
    return this;
  }

  public TrialRowBuilder test(Double loss, Double accuracy) {
    testLoss = loss;
    testAccuracy = accuracy;
    return this;
  }

  public TrialRowBuilder stopReason(String value) {
    stopReason = value;
    return this;
  }

  /** The epoch whose weights the trial ended with (default: unrecorded, as in older tables). */
  public TrialRowBuilder finalEpoch(int value) {
    finalEpoch = value;
    return this;
  }

  public TrialRow build() {
    TrialRow.Settings settings =
        new TrialRow.Settings(
            activation,
            activation,
            architecture,
            seed,
            epochs,
            batchSize,
            "adam",
            learningRate,
            workers,
            averagingFrequency,
            batchSize / workers,
            "synthetic",
            100,
            50,
            "d",
            validation,
            augmentation,
            1.0,
            "glorot_uniform");
    String reason = error != null || status == TrialStatus.FINISHED ? error : "loss became NaN";
    TrialRow.Outcome outcome =
        new TrialRow.Outcome(
            status,
            reason,
            startedAt,
            finishedAt,
            params,
            epochsCompleted == null ? epochs : epochsCompleted,
            finalValAccuracy,
            bestValAccuracy,
            bestEpoch,
            testLoss,
            testAccuracy,
            stopReason,
            finalEpoch);
    return new TrialRow(
        id, sweep, settings, outcome, new Provenance("v", "v", "v", "cpu", "local"));
  }

  /**
   * {@code trial} as a failed attempt that completed {@code epochs} epochs, failing with {@code
   * error}.
   */
  public static TrialRow failedCopy(TrialRow trial, String error, int epochs) {
    TrialRow.Outcome o = trial.outcome();
    return new TrialRow(
        trial.trialId(),
        trial.sweep(),
        trial.settings(),
        new TrialRow.Outcome(
            TrialStatus.FAILED,
            error,
            o.startedAt(),
            o.finishedAt(),
            o.params(),
            epochs,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        trial.provenance());
  }
}
