package org.sweep4j.report;

import java.util.List;

/**
 * One architecture × activation cell across its seeds: final and best validation accuracy (mean and sample
 * standard deviation), the final train − val accuracy gap, mean epoch time, and the mean curves per epoch.
 */
public record CellSummary(
    String architecture,
    String activation,
    int seeds,
    double finalValMean,
    double finalValSd,
    double bestValMean,
    double bestValSd,
    double gapMean,
    double epochSecondsMean,
    List<Double> valAccuracyCurve,
    List<Double> trainAccuracyCurve) {

  public CellSummary {
    valAccuracyCurve = List.copyOf(valAccuracyCurve);
    trainAccuracyCurve = List.copyOf(trainAccuracyCurve);
  }
}
