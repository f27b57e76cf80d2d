package org.sweep4j.config;

import java.util.regex.Pattern;

/**
 * A whole sweep as a job file describes it, validated.
 *
 * @param training the first grid point's training settings; what all points share (epochs,
 *     train_eval_size, probe_size) is read from here, everything else per trial
 * @param distribution the first grid point's distribution settings
 * @param baseline the activation (its label, e.g. {@code relu}) the report tests every other one
 *     against
 * @param budget caps on wall time and epochs ({@link Budget#NONE} for none)
 */
public record JobSpec(
    String sweep,
    String description,
    DatasetSpec dataset,
    GridSpec grid,
    TrainingSpec training,
    DistributionSpec distribution,
    String results,
    String baseline,
    Budget budget) {

  private static final Pattern SWEEP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

  public JobSpec {
    if (sweep == null || !SWEEP_NAME.matcher(sweep).matches()) {
      throw new IllegalArgumentException(
          "sweep must be 1-100 letters, digits, '_', '-' or '.', starting with a letter or digit, found '"
              + sweep
              + "'");
    }
    description = description == null ? "" : description.strip();
    if (dataset == null || grid == null || training == null || distribution == null) {
      throw new IllegalArgumentException(
          "dataset, grid, training and distribution are all required");
    }
    if (results == null || results.isBlank()) {
      throw new IllegalArgumentException("output.results is missing");
    }
    if (baseline == null || baseline.isBlank()) {
      throw new IllegalArgumentException("report.baseline is missing");
    }
    if (budget == null) {
      budget = Budget.NONE;
    }
  }

  public JobSpec withResults(String newResults) {
    return new JobSpec(
        sweep, description, dataset, grid, training, distribution, newResults, baseline, budget);
  }

  public JobSpec withDataset(DatasetSpec newDataset) {
    return new JobSpec(
        sweep, description, newDataset, grid, training, distribution, results, baseline, budget);
  }
}
