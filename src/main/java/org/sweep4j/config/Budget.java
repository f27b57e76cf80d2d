package org.sweep4j.config;

import java.time.Duration;

/**
 * Caps on one run of a sweep: wall time and epochs trained. Trials start in seed-major order (every
 * grid point's first seed before any second seed), so a run cut short by its budget still has
 * comparable cells. A trial that has started runs to its end; one is not started when the epochs
 * would exceed the cap, or when the time so far plus the mean duration of this run's trials would.
 *
 * @param maxWallTime null for no time cap
 * @param maxEpochs 0 for no epoch cap
 */
public record Budget(Duration maxWallTime, long maxEpochs) {
  public static final Budget NONE = new Budget(null, 0);

  public Budget {
    if (maxWallTime != null && (maxWallTime.isNegative() || maxWallTime.isZero())) {
      throw new IllegalArgumentException(
          "budget.max_hours must be more than 0, found " + maxWallTime);
    }
    if (maxEpochs < 0) {
      throw new IllegalArgumentException("budget.max_epochs must be 1 or more, found " + maxEpochs);
    }
  }

  /**
   * What is left after {@code elapsed} wall time and {@code epochs} epochs (a sweep run in stages
   * spends one budget over all of them); null when nothing is.
   */
  public Budget remaining(Duration elapsed, long epochs) {
    Duration time = maxWallTime == null ? null : maxWallTime.minus(elapsed);
    long left = maxEpochs == 0 ? 0 : maxEpochs - epochs;
    if ((time != null && (time.isNegative() || time.isZero())) || (maxEpochs > 0 && left <= 0)) {
      return null;
    }
    return new Budget(time, left);
  }

  public boolean isLimited() {
    return maxWallTime != null || maxEpochs > 0;
  }

  /**
   * Whether a trial of {@code epochs} epochs still fits, after {@code epochsSoFar} epochs and
   * {@code elapsed} wall time, given trials have taken {@code meanTrial} on average (null before
   * the first ends).
   */
  public boolean allows(long epochsSoFar, int epochs, Duration elapsed, Duration meanTrial) {
    if (maxEpochs > 0 && epochsSoFar + epochs > maxEpochs) {
      return false;
    }
    return maxWallTime == null
        || elapsed.plus(meanTrial == null ? Duration.ZERO : meanTrial).compareTo(maxWallTime) <= 0;
  }

  @Override
  public String toString() {
    if (!isLimited()) {
      return "none";
    }
    String time =
        maxWallTime == null
            ? ""
            : String.format(java.util.Locale.ROOT, "%.2f h", maxWallTime.toSeconds() / 3600.0);
    String epochs = maxEpochs == 0 ? "" : maxEpochs + " epochs";
    return time.isEmpty() ? epochs : epochs.isEmpty() ? time : time + ", " + epochs;
  }
}
