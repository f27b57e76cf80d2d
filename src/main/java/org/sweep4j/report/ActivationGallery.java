package org.sweep4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.results.TrialRow;

/** Every activation a sweep's trials used, drawn on [−4, 4] with their derivatives. */
public final class ActivationGallery {
  /** The slope PReLU's curve is drawn with (its slopes are learned per channel). */
  public static final double PRELU_SHOWN_SLOPE = 0.25;

  /**
   * Evaluates an activation and its derivative at {@code x}, {@code {values, derivatives}}; PReLU
   * with the given slope.
   */
  @FunctionalInterface
  public interface Sampler {
    double[][] sample(ActivationSpec activation, double[] x, double preluSlope);
  }

  private ActivationGallery() {}

  /** One curve per activation label, in label order, sampled at 161 points by {@code sampler}. */
  public static List<ActivationCurve> of(List<TrialRow> trials, Sampler sampler) {
    Map<String, String> configs = new LinkedHashMap<>();
    trials.stream()
        .map(TrialRow::settings)
        .sorted(Comparator.comparing(TrialRow.Settings::activation))
        .forEach(s -> configs.putIfAbsent(s.activation(), s.activationConfig()));
    double[] x = grid(-4, 4, 161);
    List<ActivationCurve> curves = new ArrayList<>();
    configs.forEach(
        (label, config) -> {
          ActivationSpec spec = ActivationSpec.parse(config);
          double[][] sampled = sampler.sample(spec, x, PRELU_SHOWN_SLOPE);
          String note =
              switch (spec.name()) {
                case PRELU -> "learned slope; " + PRELU_SHOWN_SLOPE + " shown";
                case ZERO_FIT_LINEAR -> "x − min(x) over a group: here all x shown";
                default -> null;
              };
          curves.add(new ActivationCurve(label, note, x, sampled[0], sampled[1]));
        });
    return curves;
  }

  /** {@code count} evenly spaced points from {@code from} to {@code to}, both included. */
  static double[] grid(double from, double to, int count) {
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = from + (to - from) * i / (count - 1);
    }
    return x;
  }
}
