package org.sweep4j.grid;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A warning for a grid larger than anyone runs by accident's worth, with a lower bound on its time,
 * said before any work starts: a typo such as {@code seeds: [1..1000000]} otherwise starts a sweep
 * of a million trials without a word.
 */
public final class LargeGrid {
  /** More trials than this earn a warning. */
  static final int TRIALS = 1_000;

  /**
   * Training images per second per core at best: the small CNN's ~4,500 on 2 cores in the README's
   * bench. Real sweeps are slower (the deep CNN is ~3x slower, scoring comes on top), so the time
   * derived from it is a lower bound.
   */
  static final double IMAGES_PER_CORE_SECOND = 2_250;

  private LargeGrid() {}

  /** The warning for {@code trials} trained on {@code cores} cores, if there are that many. */
  public static Optional<String> warning(List<TrialSpec> trials, int cores) {
    if (trials.size() <= TRIALS) {
      return Optional.empty();
    }
    long images = trials.stream().mapToLong(TrialSpec::trainingImages).sum();
    double seconds = images / (IMAGES_PER_CORE_SECOND * Math.max(1, cores));
    return Optional.of(
        String.format(
            Locale.ROOT,
            "warning: this grid expands to %,d trials (%,d training images), at least %s on %d"
                + " cores even at sweep4j's fastest (%,.0f images/s per core); check it with"
                + " 'sweep4j plan', or stop with Ctrl-C",
            trials.size(),
            images,
            duration(seconds),
            cores,
            IMAGES_PER_CORE_SECOND));
  }

  /** A rough duration: "40 min", "7.5 h", "12 days", "79 years". */
  static String duration(double seconds) {
    double hours = seconds / 3600;
    if (hours < 1) {
      return String.format(Locale.ROOT, "%.0f min", Math.ceil(seconds / 60));
    }
    if (hours < 48) {
      return String.format(Locale.ROOT, "%.1f h", hours);
    }
    double days = hours / 24;
    return days < 730
        ? String.format(Locale.ROOT, "%.0f days", days)
        : String.format(Locale.ROOT, "%,.0f years", days / 365.25);
  }
}
