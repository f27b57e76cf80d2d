package org.sweep4j.grid;

import java.util.ArrayList;
import java.util.List;
import org.sweep4j.config.GridPoint;
import org.sweep4j.config.JobSpec;

/**
 * Expands a job into its trials: every grid point once per seed. The order is seed-major (every
 * point's first seed, then every point's second seed...), so a sweep cut short still has comparable
 * cells.
 */
public final class GridExpander {
  private GridExpander() {}

  public static List<TrialSpec> expand(JobSpec job) {
    List<TrialSpec> trials = new ArrayList<>(job.grid().size());
    for (long seed : job.grid().seeds()) {
      for (GridPoint point : job.grid().points()) {
        trials.add(
            new TrialSpec(
                job.sweep(),
                point.activation(),
                point.architecture(),
                seed,
                job.dataset(),
                point.training(),
                point.distribution(),
                point.augmentation()));
      }
    }
    return List.copyOf(trials);
  }
}
