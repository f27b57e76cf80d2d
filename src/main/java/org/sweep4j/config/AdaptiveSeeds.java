package org.sweep4j.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code grid.seeds: {adaptive: {start: 3, step: 1, max: 12, alpha: 0.05}}}: seeds 1, 2, … added in
 * stages. Every cell gets {@code start} seeds; after each stage the comparisons against the
 * baseline are decided with a group-sequential design at level {@code alpha}, and only the cells
 * still undecided (and their baselines) get {@code step} more, up to {@code max}.
 */
public record AdaptiveSeeds(int start, int step, int max, double alpha) {
  /** More seeds than this per cell is not a stage plan but a mistake. */
  public static final int MOST_SEEDS = 100;

  public static final double DEFAULT_ALPHA = 0.05;

  public AdaptiveSeeds {
    if (start < 2) {
      throw new IllegalArgumentException(
          "start must be 2 or more (a test needs two seeds a side), found " + start);
    }
    if (step < 1) {
      throw new IllegalArgumentException("step must be 1 or more, found " + step);
    }
    if (max < start || max > MOST_SEEDS) {
      throw new IllegalArgumentException(
          "max must lie between start (" + start + ") and " + MOST_SEEDS + ", found " + max);
    }
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new IllegalArgumentException("alpha must lie in (0, 0.5), found " + alpha);
    }
  }

  /** The seeds a cell may get: 1 to max, in the order they are added. */
  public List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long seed = 1; seed <= max; seed++) {
      seeds.add(seed);
    }
    return seeds;
  }

  /** The seeds per cell at each look: start, start + step, …, max. */
  public List<Integer> looks() {
    List<Integer> looks = new ArrayList<>();
    for (int seeds = start; seeds < max; seeds += step) {
      looks.add(seeds);
    }
    looks.add(max);
    return looks;
  }

  public String describe() {
    return String.format(
        Locale.ROOT,
        "adaptive: %d seeds per cell, then %d more at a time to at most %d for cells still"
            + " undecided against the baseline (looks at %s seeds, alpha %s)",
        start,
        step,
        max,
        looks(),
        alpha);
  }
}
