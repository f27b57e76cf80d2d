package org.sweep4j.report;

import java.util.List;

/**
 * A per-epoch curve across seeds: the mean and the sample standard deviation (NaN with one seed)
 * per epoch.
 */
public record Curve(List<Double> mean, List<Double> sd) {
  public Curve {
    mean = List.copyOf(mean);
    sd = List.copyOf(sd);
    if (mean.size() != sd.size()) {
      throw new IllegalArgumentException(mean.size() + " means but " + sd.size() + " deviations");
    }
  }

  public int epochs() {
    return mean.size();
  }
}
