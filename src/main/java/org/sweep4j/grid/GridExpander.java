package org.sweep4j.grid;

import java.util.ArrayList;
import java.util.List;
import org.sweep4j.config.JobSpec;

/**
 * Expands a job into its trials: every grid point once per seed. The order is seed-major (every
 * point's first seed, then every point's second seed...), so a sweep cut short still has comparable
 * cells.
 */
public final class GridExpander {
  private GridExpander() {}

  public static List<TrialSpec> expand(JobSpec job) {
    return expand(job, Grid.of(job));
  }

  /** The trials of {@code grid}, expanded from {@code job} already. */
  public static List<TrialSpec> expand(JobSpec job, Grid grid) {
    List<TrialSpec> trials = new ArrayList<>(grid.size());
    for (long seed : grid.seeds()) {
      for (GridPoint point : grid.points()) {
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
