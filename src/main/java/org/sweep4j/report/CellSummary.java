package org.sweep4j.report;

import java.util.List;

/**
 * One architecture × activation cell across its finished seeds: final and best validation accuracy,
 * the epoch of the best, the final train − val accuracy gap (overfitting), mean epoch time, and the
 * learning curves over the epochs every seed completed. "Final" is the epoch whose weights a trial
 * ended with: the last one, or the best one where early stopping restored it.
 *
 * @param finalValues each seed's final validation accuracy, for the tests against the baseline
 * @param restoredSeeds how many of the seeds ended with restored best weights
 */
public record CellSummary(
    String architecture,
    String activation,
    int seeds,
    Estimate finalVal,
    Estimate bestVal,
    double bestEpochMean,
    Estimate gap,
    double epochSecondsMean,
    Curve trainAccuracy,
    Curve valAccuracy,
    Curve trainLoss,
    Curve valLoss,
    List<Double> finalValues,
    int restoredSeeds) {

  public CellSummary {
    finalValues = List.copyOf(finalValues);
  }
}
