package org.sweep4j.config;

import java.util.List;

/**
 * Random or quasi-random search ({@code search: {method: sobol, samples: 16, seed: 1}}): how many
 * points to draw of the settings given as distributions, crossed with the listed axes and the
 * seeds. Point i depends only on the method, the seed and i, so a larger {@code samples} adds
 * points and keeps the earlier ones (and their trial ids).
 */
public record SearchSpec(Method method, int samples, long seed, List<SampledSetting> settings) {
  /** How the points are drawn. */
  public enum Method {
    /** Independent uniform draws, one stream per point. */
    RANDOM,
    /** A Sobol sequence, scrambled by a random digital shift drawn from the seed. */
    SOBOL;

    public String label() {
      return Choices.nameOf(this);
    }

    public static Method parse(String text) {
      return Choices.parse(Method.class, "search method", text);
    }
  }

  public SearchSpec {
    settings = List.copyOf(settings);
    if (method == null) {
      throw new IllegalArgumentException("search.method is required: random or sobol");
    }
    if (samples < 1) {
      throw new IllegalArgumentException("search.samples must be 1 or more, found " + samples);
    }
    if (settings.isEmpty()) {
      throw new IllegalArgumentException(
          "search draws nothing: give a setting a distribution, e.g. learning_rate: {log_uniform:"
              + " [1.0e-4, 1.0e-2]}");
    }
  }

  /** {@code sobol, 16 samples, seed 1: learning_rate log_uniform [0.0001, 0.01]}, for plans. */
  public String describe() {
    return method.label()
        + ", "
        + samples
        + " samples, seed "
        + seed
        + ": "
        + String.join("; ", settings.stream().map(SampledSetting::describe).toList());
  }
}
