package org.sweep4j.training;

/** How a run of a sweep went: trials of each outcome, trials skipped as already recorded, where the tables are. */
public record SweepSummary(int finished, int diverged, int failed, int skipped, String results) {
  public int ran() {
    return finished + diverged + failed;
  }
}
