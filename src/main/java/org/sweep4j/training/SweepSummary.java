package org.sweep4j.training;

/**
 * How a run of a sweep went: trials of each outcome, trials skipped as already recorded, trials
 * left to another driver that was running them (a sweep shared between drivers), trials the budget
 * left unstarted, and where the tables are.
 */
public record SweepSummary(
    int finished,
    int diverged,
    int failed,
    int skipped,
    int elsewhere,
    int overBudget,
    String results) {
  public int ran() {
    return finished + diverged + failed;
  }
}
