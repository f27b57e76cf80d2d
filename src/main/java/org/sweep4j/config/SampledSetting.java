package org.sweep4j.config;

import java.util.List;
import java.util.Locale;

/**
 * A numeric training setting drawn from a distribution instead of listed ({@code learning_rate:
 * {log_uniform: [1.0e-4, 1.0e-2]}}): uniform or log-uniform between two bounds, or a uniform choice
 * among listed values. Whole-number settings (batch sizes, workers, averaging frequency) draw whole
 * numbers, bounds included; real ones keep four significant digits, so that ids, plans and tables
 * stay readable.
 */
public record SampledSetting(Axis axis, Distribution distribution, List<Double> values) {
  /** How a setting is drawn. */
  public enum Distribution {
    UNIFORM,
    LOG_UNIFORM,
    CHOICE;

    public String label() {
      return Choices.nameOf(this);
    }

    public static Distribution parse(String text) {
      return Choices.parse(Distribution.class, "distribution", text);
    }
  }

  /** The settings a distribution may stand for. */
  public static final List<Axis> SAMPLEABLE =
      List.of(
          Axis.LEARNING_RATE,
          Axis.DROPOUT_SCALE,
          Axis.BATCH_SIZE,
          Axis.WORKERS,
          Axis.AVERAGING_FREQUENCY,
          Axis.BATCH_SIZE_PER_WORKER);

  public SampledSetting {
    values = List.copyOf(values);
    if (axis == null || distribution == null) {
      throw new IllegalArgumentException("a sampled setting needs its axis and distribution");
    }
    if (!SAMPLEABLE.contains(axis)) {
      throw new IllegalArgumentException(
          "cannot be sampled: only "
              + String.join(", ", SAMPLEABLE.stream().map(a -> a.label()).toList())
              + " can; list this setting's values instead");
    }
    if (distribution == Distribution.CHOICE) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("choice must list at least one value, found []");
      }
    } else {
      if (values.size() != 2) {
        throw new IllegalArgumentException(
            distribution.label() + " takes [low, high], found " + values.size() + " values");
      }
      double low = values.get(0);
      double high = values.get(1);
      if (!(low <= high)) {
        throw new IllegalArgumentException(
            distribution.label() + " needs low <= high, found [" + low + ", " + high + "]");
      }
      if (distribution == Distribution.LOG_UNIFORM && !(low > 0)) {
        throw new IllegalArgumentException(
            "log_uniform needs bounds above 0 (a logarithm is taken), found low " + low);
      }
    }
    requireWholeNumbers(axis, values);
  }

  private static void requireWholeNumbers(Axis axis, List<Double> values) {
    if (wholeNumbers(axis) && values.stream().anyMatch(v -> v != Math.rint(v) || v < 1)) {
      throw new IllegalArgumentException(
          "takes whole numbers of at least 1, found " + values.stream().map(Axis::label).toList());
    }
  }

  /** Whether the axis takes whole numbers. */
  public static boolean wholeNumbers(Axis axis) {
    return axis != Axis.LEARNING_RATE && axis != Axis.DROPOUT_SCALE;
  }

  /** The setting's value at {@code u} in [0, 1): a Double, or an Integer for whole numbers. */
  public Object value(double u) {
    double x =
        switch (distribution) {
          case CHOICE -> values.get(Math.min(values.size() - 1, (int) (u * values.size())));
          case UNIFORM ->
              wholeNumbers(axis)
                  // Each whole number in [low, high] equally likely.
                  ? Math.min(
                      values.get(1),
                      Math.floor(values.get(0) + u * (values.get(1) - values.get(0) + 1)))
                  : values.get(0) + u * (values.get(1) - values.get(0));
          case LOG_UNIFORM ->
              Math.exp(
                  Math.log(values.get(0))
                      + u * (Math.log(values.get(1)) - Math.log(values.get(0))));
        };
    if (wholeNumbers(axis)) {
      return (int) Math.round(x);
    }
    return Double.parseDouble(String.format(Locale.ROOT, "%.4g", x));
  }

  /** {@code log_uniform [0.0001, 0.01]}, for plans. */
  public String describe() {
    return axis.label()
        + " "
        + distribution.label()
        + " "
        + values.stream().map(Axis::label).toList();
  }
}
