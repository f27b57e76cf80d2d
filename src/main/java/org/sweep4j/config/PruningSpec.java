package org.sweep4j.config;

import java.util.List;
import java.util.Locale;

/**
 * {@code pruning: {rungs: [2, 6, 18], keep: 0.33, metric: val_accuracy, alpha: 0.05}}: at each rung
 * epoch a grid point (all its seeds together) goes on only if it is among the best {@code keep}
 * fraction of the points that reached the rung, or not significantly worse than the best (Welch's
 * test, Holm-corrected over the points at the rung, at {@code alpha}); the others stop there.
 */
public record PruningSpec(List<Integer> rungs, double keep, Metric metric, double alpha) {
  public static final double DEFAULT_ALPHA = 0.05;

  /** What the rungs compare: the epoch's validation accuracy (higher is better) or loss. */
  public enum Metric {
    VAL_ACCURACY,
    VAL_LOSS;

    public String label() {
      return Choices.nameOf(this);
    }

    public static Metric parse(String text) {
      return Choices.parse(Metric.class, "pruning metric", text);
    }
  }

  public PruningSpec {
    rungs = List.copyOf(rungs);
    if (rungs.isEmpty()) {
      throw new IllegalArgumentException("rungs must list at least one epoch, found []");
    }
    for (int i = 0; i < rungs.size(); i++) {
      if (rungs.get(i) < 1 || (i > 0 && rungs.get(i) <= rungs.get(i - 1))) {
        throw new IllegalArgumentException(
            "rungs must be increasing epochs of at least 1, found " + rungs);
      }
    }
    if (!(keep > 0 && keep < 1)) {
      throw new IllegalArgumentException("keep must lie in (0, 1), found " + keep);
    }
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new IllegalArgumentException("alpha must lie in (0, 0.5), found " + alpha);
    }
  }

  public String describe() {
    return String.format(
        Locale.ROOT,
        "at epochs %s keep the best %.0f%% of grid points by %s, and any not significantly worse"
            + " than the best (Welch, Holm, alpha %s)",
        rungs,
        100 * keep,
        metric.label(),
        alpha);
  }
}
