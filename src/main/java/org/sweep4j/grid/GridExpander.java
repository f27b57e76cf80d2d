package org.sweep4j.grid;

import java.util.ArrayList;
import java.util.List;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.Augmentation;
import org.sweep4j.config.JobSpec;

/**
 * Expands a job into its trials. The order is seed-major (every cell's first seed, then every cell's second
 * seed...), so a sweep cut short still has comparable cells.
 */
public final class GridExpander {
  private GridExpander() {}

  public static List<TrialSpec> expand(JobSpec job) {
    List<TrialSpec> trials = new ArrayList<>(job.grid().size());
    for (long seed : job.grid().seeds()) {
      for (Architecture architecture : job.grid().architectures()) {
        for (Augmentation augmentation : job.grid().augmentations()) {
          for (ActivationSpec activation : job.grid().activations()) {
            trials.add(new TrialSpec(job.sweep(), activation, architecture, seed, job.dataset(), job.training(),
                job.distribution(), augmentation));
          }
        }
      }
    }
    return List.copyOf(trials);
  }
}
