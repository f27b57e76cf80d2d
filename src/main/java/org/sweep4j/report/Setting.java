package org.sweep4j.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.sweep4j.results.TrialRow;

/**
 * A training setting a sweep may vary besides the activation, as a cell label shows it: {@code
 * +crop_flip}, {@code lr=0.01}, {@code workers=2}. Only settings that differ between a report's
 * trials appear in labels.
 */
enum Setting {
  AUGMENTATION(t -> t.settings().augmentation(), null),
  OPTIMIZER(t -> "opt=" + t.settings().optimizer(), null),
  LEARNING_RATE(t -> "lr=" + number(t.settings().learningRate()), t -> t.settings().learningRate()),
  BATCH_SIZE(t -> "batch=" + t.settings().batchSize(), t -> (double) t.settings().batchSize()),
  DROPOUT_SCALE(
      t -> "dropout×" + number(t.settings().dropoutScale()), t -> t.settings().dropoutScale()),
  WEIGHT_INIT(t -> "init=" + t.settings().weightInit(), null),
  WORKERS(t -> "workers=" + t.settings().workers(), t -> (double) t.settings().workers()),
  AVERAGING_FREQUENCY(
      t -> "avg=" + t.settings().averagingFrequency(),
      t -> (double) t.settings().averagingFrequency()),
  BATCH_SIZE_PER_WORKER(
      t -> "batch/worker=" + t.settings().batchSizePerWorker(),
      t -> (double) t.settings().batchSizePerWorker());

  private final Function<TrialRow, String> shown;
  private final Function<TrialRow, Double> numeric;

  Setting(Function<TrialRow, String> shown, Function<TrialRow, Double> numeric) {
    this.shown = shown;
    this.numeric = numeric;
  }

  /** Whether the setting is a number (and can be plotted against). */
  boolean isNumeric() {
    return numeric != null;
  }

  /** The trial's value of a numeric setting. */
  double value(TrialRow trial) {
    return numeric.apply(trial);
  }

  /** The label part of a trial; augmentation shows as {@code +name}, and not at all when off. */
  String label(TrialRow trial) {
    if (this == AUGMENTATION) {
      String augmentation = trial.settings().augmentation();
      return augmentation == null || augmentation.equals("none") ? "" : "+" + augmentation;
    }
    return shown.apply(trial);
  }

  /** The setting as a factor of the analysis of variance: {@code learning_rate}. */
  String factor() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The trial's value of the setting, as a factor level: {@code lr=0.01}. */
  String level(TrialRow trial) {
    return Objects.toString(shown.apply(trial));
  }

  /** The settings with more than one value among {@code trials}, in declaration order. */
  static List<Setting> varying(List<TrialRow> trials) {
    return Arrays.stream(values())
        .filter(
            s ->
                trials.stream().map(t -> Objects.toString(s.shown.apply(t))).distinct().count() > 1)
        .toList();
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value).replaceAll("(\\.\\d*?)0+$", "$1");
  }
}
