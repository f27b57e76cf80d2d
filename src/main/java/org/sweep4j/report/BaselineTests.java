package org.sweep4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Each cell against the baseline activation trained the same way: the difference of mean final val
 * accuracy, Welch's interval and p, the equivalence test within ±delta, Holm's correction over all
 * the tests of each kind, and what the seeds can tell apart.
 */
final class BaselineTests {
  private BaselineTests() {}

  /** A cell and the baseline's cell it is tested against. */
  private record Pair(CellSummary cell, CellSummary base) {}

  static List<BaselineComparison> of(List<CellSummary> cells, String baseline, double delta) {
    List<Pair> pairs = pairs(cells, baseline);
    double[] p = new double[pairs.size()];
    double[] pEquivalent = new double[pairs.size()];
    Stats.Welch[] tests = new Stats.Welch[pairs.size()];
    for (int i = 0; i < p.length; i++) {
      Pair pair = pairs.get(i);
      boolean testable = pair.cell().seeds() >= 2 && pair.base().seeds() >= 2;
      tests[i] =
          testable ? Stats.welch(pair.cell().finalValues(), pair.base().finalValues()) : null;
      p[i] = testable ? tests[i].p() : Double.NaN;
      pEquivalent[i] = testable ? tests[i].equivalenceP(delta) : Double.NaN;
    }
    double[] holm = Stats.holm(p);
    double[] holmEquivalent = Stats.holm(pEquivalent);
    // Holm's strictest threshold, α / m: what a comparison must clear to be sure of a verdict.
    double strictest = BaselineComparison.ALPHA / Math.max(1, testableCount(p));
    List<BaselineComparison> comparisons = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      CellSummary cell = pairs.get(i).cell();
      CellSummary base = pairs.get(i).base();
      Stats.Welch test = tests[i];
      comparisons.add(
          new BaselineComparison(
              cell.architecture(),
              cell.activation(),
              base.activation(),
              cell.seeds(),
              base.seeds(),
              cell.finalVal().mean() - base.finalVal().mean(),
              test == null ? Double.NaN : test.low(),
              test == null ? Double.NaN : test.high(),
              p[i],
              holm[i],
              delta,
              holmEquivalent[i],
              test == null ? Double.NaN : test.detectable(strictest, BaselineComparison.POWER),
              test == null
                  ? 0
                  : Stats.seedsToDecide(
                      cell.finalVal().sd(),
                      base.finalVal().sd(),
                      delta,
                      strictest,
                      BaselineComparison.POWER,
                      BaselineComparison.MAX_SEEDS)));
    }
    return comparisons;
  }

  private static int testableCount(double[] p) {
    int n = 0;
    for (double value : p) {
      n += Double.isNaN(value) ? 0 : 1;
    }
    return n;
  }

  /** Every cell that has a baseline cell trained the same way, with that cell. */
  private static List<Pair> pairs(List<CellSummary> cells, String baseline) {
    List<Pair> pairs = new ArrayList<>();
    for (CellSummary cell : cells) {
      String baseLabel = baseline + Comparison.settingsSuffix(cell.activation());
      cells.stream()
          .filter(
              c ->
                  c.architecture().equals(cell.architecture())
                      && c.activation().equals(baseLabel)
                      && c != cell)
          .findFirst()
          .ifPresent(base -> pairs.add(new Pair(cell, base)));
    }
    return pairs;
  }
}
