package org.sweep4j.report;

import java.util.List;

/**
 * A factorial analysis of variance of one response over a sweep's finished trials ({@link
 * FactorialAnova}): a row per factor and two-way interaction, and the residual (seed-to-seed
 * variation, and higher interactions).
 *
 * @param leftOut factors whose level follows from the factors before them, left out of the model
 */
public record AnovaTable(
    String response,
    int observations,
    List<AnovaTerm> terms,
    int residualDf,
    double residualSumOfSquares,
    List<String> leftOut) {

  public AnovaTable {
    terms = List.copyOf(terms);
    leftOut = List.copyOf(leftOut);
  }

  /** Whether the F tests can be made: at least one term and residual degrees of freedom left. */
  public boolean testable() {
    return !terms.isEmpty() && residualDf >= 1;
  }
}
