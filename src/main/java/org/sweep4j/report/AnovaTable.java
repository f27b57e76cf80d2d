package org.sweep4j.report;

import java.util.List;

/**
 * A factorial analysis of variance of one response over a sweep's finished trials ({@link
 * FactorialAnova}): a row per factor and two-way interaction, and the residual (seed-to-seed
 * variation, and higher interactions).
 */
public record AnovaTable(
    String response,
    int observations,
    List<AnovaTerm> terms,
    int residualDf,
    double residualSumOfSquares) {

  public AnovaTable {
    terms = List.copyOf(terms);
  }

  /** Whether the F tests can be made: at least one term and residual degrees of freedom left. */
  public boolean testable() {
    return !terms.isEmpty() && residualDf >= 1;
  }
}
