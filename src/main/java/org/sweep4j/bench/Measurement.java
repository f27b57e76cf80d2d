package org.sweep4j.bench;

import java.util.Locale;

/**
 * One timed run: {@code mode} is a sweep4j mode ({@code single}, {@code spark}, {@code trials},
 * {@code sweep}) or an anchor ({@code torch-2.7.1}, and {@code torch-2.7.1-trials} for its copies
 * side by side).
 *
 * @param cpuPercent process CPU time over wall time × the cores the mode was given, in percent
 */
public record Measurement(
    String architecture, String mode, double imagesPerSecond, double cpuPercent) {
  public Measurement {
    if (!(imagesPerSecond > 0) || Double.isInfinite(imagesPerSecond)) {
      throw new IllegalArgumentException(
          mode
              + " measurement of "
              + architecture
              + ": images/s must be positive,"
              + " found "
              + imagesPerSecond);
    }
  }

  /** {@code bench small_cnn single 612.3 img/s}. */
  public String line() {
    return String.format(
        Locale.ROOT, "bench %s %s %.1f img/s", architecture, mode, imagesPerSecond);
  }
}
