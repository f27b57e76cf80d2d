package org.sweep4j.training;

/**
 * How a run of a sweep went: trials of each outcome, trials skipped as already recorded, trials
 * left to another driver that was running them (a sweep shared between drivers), trials the budget
 * left unstarted, what a signal stopped, and where the tables are.
 */
public record SweepSummary(
    int finished,
    int diverged,
    int failed,
    int skipped,
    int elsewhere,
    int overBudget,
    Stop stop,
    String results) {

  /**
   * What a signal did to the run.
   *
   * @param signal {@code SIGINT} or {@code SIGTERM}; null when the run was not stopped
   * @param interrupted trials stopped mid-training (recorded as interrupted)
   * @param notStarted trials not started because of it
   */
  public record Stop(String signal, int interrupted, int notStarted) {
    public static final Stop NONE = new Stop(null, 0, 0);

    public boolean stopped() {
      return signal != null;
    }
  }

  public SweepSummary {
    stop = stop == null ? Stop.NONE : stop;
  }

  /** A run that was not stopped by a signal. */
  public SweepSummary(
      int finished,
      int diverged,
      int failed,
      int skipped,
      int elsewhere,
      int overBudget,
      String results) {
    this(finished, diverged, failed, skipped, elsewhere, overBudget, Stop.NONE, results);
  }

  /** This run followed by {@code next} on the same results, as one. */
  public SweepSummary plus(SweepSummary next) {
    return new SweepSummary(
        finished + next.finished,
        diverged + next.diverged,
        failed + next.failed,
        skipped + next.skipped,
        elsewhere + next.elsewhere,
        overBudget + next.overBudget,
        new Stop(
            next.stop.signal,
            stop.interrupted + next.stop.interrupted,
            stop.notStarted + next.stop.notStarted),
        next.results);
  }

  public int ran() {
    return finished + diverged + failed + stop.interrupted();
  }
}
