package org.sweep4j.config;

import java.util.regex.Pattern;

/**
 * A whole sweep as a job file describes it, validated.
 *
 * @param grid the grid as written; the grid stage expands it into points and trials
 * @param shared what every trial shares: epochs, train_eval_size, probe_size, early stopping
 * @param baseline the activation (its label, e.g. {@code relu}) the report tests every other one
 *     against
 * @param minDifference the smallest difference in accuracy that matters to the report's verdicts
 * @param budget caps on wall time and epochs ({@link Budget#NONE} for none)
 * @param pruning when to stop grid points early, null for never
 */
public record JobSpec(
    String sweep,
    String description,
    DatasetSpec dataset,
    GridSpec grid,
    SharedTraining shared,
    String results,
    String baseline,
    double minDifference,
    Budget budget,
    PruningSpec pruning) {

  /** The activation the report tests the others against unless the job says otherwise. */
  public static final String DEFAULT_BASELINE = "relu";

  /**
   * The smallest difference in accuracy a report treats as mattering unless the job says otherwise
   * ({@code report.min_difference}): one point of accuracy.
   */
  public static final double DEFAULT_MIN_DIFFERENCE = 0.01;

  private static final Pattern SWEEP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

  public JobSpec {
    if (sweep == null || !SWEEP_NAME.matcher(sweep).matches()) {
      throw new IllegalArgumentException(
          "sweep must be 1-100 letters, digits, '_', '-' or '.', starting with a letter or digit, found '"
              + sweep
              + "'");
    }
    description = description == null ? "" : description.strip();
    if (dataset == null || grid == null || shared == null) {
      throw new IllegalArgumentException("dataset, grid and training are all required");
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
    if (pruning != null && pruning.rungs().get(pruning.rungs().size() - 1) >= shared.epochs()) {
      throw new IllegalArgumentException(
          "pruning.rungs must come before the last epoch ("
              + shared.epochs()
              + "), found "
              + pruning.rungs());
    }
    if (pruning != null && grid.adaptiveSeeds() != null) {
      throw new IllegalArgumentException(
          "pruning and adaptive seeds do not go together: a pruned point has no verdict to decide");
    }
    if (pruning != null && shared.earlyStopping() != null && shared.earlyStopping().restoreBest()) {
      throw new IllegalArgumentException(
          "pruning pauses trials at its rungs and resumes the survivors from their last epoch,"
              + " which training.early_stopping.restore_best rules out");
    }
  }

  public JobSpec withBudget(Budget newBudget) {
    return new JobSpec(
        sweep,
        description,
        dataset,
        grid,
        shared,
        results,
        baseline,
        minDifference,
        newBudget,
        pruning);
  }

  public JobSpec withResults(String newResults) {
    return new JobSpec(
        sweep,
        description,
        dataset,
        grid,
        shared,
        newResults,
        baseline,
        minDifference,
        budget,
        pruning);
  }
}
