package org.sweep4j.report;

/**
 * One row of an analysis of variance: a factor or a two-way interaction, its degrees of freedom,
 * type II sum of squares, F and p, and partial η² (its share of the variance it and the residual
 * leave) with the 95% interval. F, p and η² are NaN when there is no residual to test against.
 */
public record AnovaTerm(
    String term,
    int df,
    double sumOfSquares,
    double f,
    double p,
    double partialEtaSquared,
    double etaLow,
    double etaHigh) {

  public boolean interaction() {
    return term.contains(" × ");
  }
}
