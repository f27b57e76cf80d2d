package org.sweep4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Each cell against the baseline activation trained the same way: the difference of mean final val
 * accuracy, Welch's interval and p, and Holm's correction over all the tests.
 */
final class BaselineTests {
  private BaselineTests() {}

  /** A cell and the baseline's cell it is tested against. */
  private record Pair(CellSummary cell, CellSummary base) {}

  static List<BaselineComparison> of(List<CellSummary> cells, String baseline) {
    List<Pair> pairs = pairs(cells, baseline);
    double[] p = new double[pairs.size()];
    Stats.Welch[] tests = new Stats.Welch[pairs.size()];
    for (int i = 0; i < p.length; i++) {
      Pair pair = pairs.get(i);
      boolean testable = pair.cell().seeds() >= 2 && pair.base().seeds() >= 2;
      tests[i] =
          testable ? Stats.welch(pair.cell().finalValues(), pair.base().finalValues()) : null;
      p[i] = testable ? tests[i].p() : Double.NaN;
    }
    double[] holm = Stats.holm(p);
    List<BaselineComparison> comparisons = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      CellSummary cell = pairs.get(i).cell();
      CellSummary base = pairs.get(i).base();
      comparisons.add(
          new BaselineComparison(
              cell.architecture(),
              cell.activation(),
              base.activation(),
              cell.seeds(),
              base.seeds(),
              cell.finalVal().mean() - base.finalVal().mean(),
              tests[i] == null ? Double.NaN : tests[i].low(),
              tests[i] == null ? Double.NaN : tests[i].high(),
              p[i],
              holm[i]));
    }
    return comparisons;
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
