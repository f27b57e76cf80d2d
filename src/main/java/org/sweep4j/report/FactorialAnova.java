package org.sweep4j.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * Factorial analysis of variance: which factor (axis of the sweep) moves the response, and whether
 * one factor's effect depends on another. The model holds every factor with at least two levels and
 * every two-way interaction of them; seeds are the replicates. Sums of squares are type II: a
 * term's is what it adds to the model of every term that does not contain it (a main effect is
 * adjusted for the other main effects and the interactions not involving it; an interaction for all
 * else), as R's {@code car::Anova} computes them. They stay meaningful when cells are unbalanced
 * (failed or diverged trials left out) and, unlike type III, do not depend on how the factors are
 * coded.
 */
final class FactorialAnova {
  /** One observation: each factor's level, and the response. */
  record Observation(Map<String, String> levels, double response) {}

  private FactorialAnova() {}

  /**
   * @param factors the factors in order; those with fewer than two levels among the observations
   *     are left out
   */
  static AnovaTable of(String response, List<String> factors, List<Observation> observations) {
    int n = observations.size();
    double[] y = observations.stream().mapToDouble(Observation::response).toArray();
    Map<String, List<double[]>> mainColumns = new LinkedHashMap<>();
    List<String> leftOut = new ArrayList<>();
    for (String factor : factors) {
      List<double[]> columns = dummies(factor, observations);
      if (columns.isEmpty()) {
        continue;
      }
      if (followsFrom(factor, mainColumns.keySet(), observations)) {
        // Aliased with the factors before it (batch_size_per_worker with batch_size and workers):
        // type II would adjust each for the other and leave neither any degree of freedom.
        leftOut.add(factor);
      } else {
        mainColumns.put(factor, columns);
      }
    }
    List<Term> terms = new ArrayList<>();
    mainColumns.forEach((factor, columns) -> terms.add(new Term(List.of(factor), columns)));
    List<String> present = List.copyOf(mainColumns.keySet());
    for (int a = 0; a < present.size(); a++) {
      for (int b = a + 1; b < present.size(); b++) {
        terms.add(
            new Term(
                List.of(present.get(a), present.get(b)),
                products(mainColumns.get(present.get(a)), mainColumns.get(present.get(b)))));
      }
    }
    LeastSquares full = fit(terms, null, y);
    int residualDf = n - full.rank();
    List<AnovaTerm> rows = new ArrayList<>();
    for (Term term : terms) {
      List<Term> without = terms.stream().filter(t -> !t.contains(term)).toList();
      LeastSquares reduced = fit(without, null, y);
      LeastSquares added = fit(without, term, y);
      int df = added.rank() - reduced.rank();
      if (df < 1) {
        continue; // an interaction the main effects already hold (a nested design)
      }
      double ss = Math.max(0, reduced.residualSumOfSquares() - added.residualSumOfSquares());
      rows.add(row(term.name(), df, ss, full, residualDf));
    }
    return new AnovaTable(response, n, rows, residualDf, full.residualSumOfSquares(), leftOut);
  }

  /**
   * Whether the levels of {@code earlier} factors fix {@code factor}'s level in every observation.
   */
  private static boolean followsFrom(
      String factor, java.util.Collection<String> earlier, List<Observation> observations) {
    if (earlier.isEmpty()) {
      return false;
    }
    Map<List<String>, String> seen = new java.util.HashMap<>();
    for (Observation o : observations) {
      List<String> key = earlier.stream().map(f -> o.levels().get(f)).toList();
      String level = o.levels().get(factor);
      String before = seen.putIfAbsent(key, level);
      if (before != null && !before.equals(level)) {
        return false;
      }
    }
    return true;
  }

  /** A model term: a factor, or the interaction of two, with its design columns. */
  private record Term(List<String> factors, List<double[]> columns) {
    String name() {
      return String.join(" × ", factors);
    }

    /** Whether this term contains {@code other} (a main effect is in its interactions). */
    boolean contains(Term other) {
      return factors.containsAll(other.factors);
    }
  }

  private static AnovaTerm row(String name, int df, double ss, LeastSquares full, int residualDf) {
    double rss = full.residualSumOfSquares();
    if (df < 1 || residualDf < 1 || rss <= 0) {
      return new AnovaTerm(
          name, df, ss, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double f = (ss / df) / (rss / residualDf);
    double p = 1 - new FDistribution(null, df, residualDf).cumulativeProbability(f);
    double[] interval = NoncentralF.partialEtaSquaredInterval(f, df, residualDf, Stats.LEVEL);
    return new AnovaTerm(name, df, ss, f, p, ss / (ss + rss), interval[0], interval[1]);
  }

  /** Intercept, the given terms' columns, and {@code extra}'s if not null. */
  private static LeastSquares fit(List<Term> terms, Term extra, double[] y) {
    List<double[]> columns = new ArrayList<>();
    double[] ones = new double[y.length];
    java.util.Arrays.fill(ones, 1);
    columns.add(ones);
    terms.forEach(t -> columns.addAll(t.columns()));
    if (extra != null) {
      columns.addAll(extra.columns());
    }
    return LeastSquares.fit(columns, y);
  }

  /** Treatment coding: a 0/1 column per level but the first seen; none for a single level. */
  private static List<double[]> dummies(String factor, List<Observation> observations) {
    List<String> levels =
        observations.stream().map(o -> o.levels().get(factor)).distinct().toList();
    List<double[]> columns = new ArrayList<>();
    for (String level : levels.subList(Math.min(1, levels.size()), levels.size())) {
      double[] column = new double[observations.size()];
      for (int i = 0; i < column.length; i++) {
        column[i] = level.equals(observations.get(i).levels().get(factor)) ? 1 : 0;
      }
      columns.add(column);
    }
    return levels.size() < 2 ? List.of() : columns;
  }

  private static List<double[]> products(List<double[]> a, List<double[]> b) {
    List<double[]> columns = new ArrayList<>();
    for (double[] x : a) {
      for (double[] z : b) {
        double[] column = new double[x.length];
        for (int i = 0; i < column.length; i++) {
          column[i] = x[i] * z[i];
        }
        columns.add(column);
      }
    }
    return columns;
  }
}
