package org.sweep4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sweep4j.results.EpochRow;

/**
 * The judgement at a pruning rung, shared by the driver (which stops the pruned points) and the
 * report (which shows the evidence): the points that reached the rung are ranked by their mean
 * metric over seeds; a point goes on if it ranks among the best {@code keep} fraction (at least
 * one), or if Welch's test against the best point, Holm-corrected over the points at the rung, does
 * not show it worse at {@code alpha}. A point without two seeds on both sides cannot be shown worse
 * and goes on; one whose seeds all diverged stops.
 */
public final class PruningRule {
  private PruningRule() {}

  /**
   * A grid point at a rung.
   *
   * @param values its seeds' metric at the rung epoch, oriented so that higher is better (NaN for a
   *     seed that diverged before it)
   */
  public record Point(String point, List<Double> values) {
    public Point {
      values = List.copyOf(values);
    }

    List<Double> finite() {
      return values.stream().filter(Double::isFinite).toList();
    }

    double mean() {
      List<Double> finite = finite();
      return finite.isEmpty() ? Double.NEGATIVE_INFINITY : Stats.mean(finite);
    }
  }

  /**
   * A point's judgement.
   *
   * @param rank 1 for the best point at the rung
   * @param versusBest its test against the best point (null for the best, or when untestable)
   * @param pHolm the test's p-value after Holm's correction (NaN when untestable)
   */
  public record Judgement(
      Point point, int rank, int points, boolean kept, Stats.Welch versusBest, double pHolm) {}

  /** The metric a rung judges after {@code row}'s epoch, oriented so that higher is better. */
  public static double oriented(EpochRow row, boolean byLoss) {
    return byLoss ? -row.valLoss() : row.valAccuracy();
  }

  public static List<Judgement> judge(List<Point> points, double keep, double alpha) {
    List<Point> ranked =
        points.stream().sorted(Comparator.comparingDouble(Point::mean).reversed()).toList();
    int top = Math.max(1, (int) Math.ceil(keep * ranked.size()));
    Point best = ranked.get(0);
    Stats.Welch[] tests = new Stats.Welch[ranked.size()];
    double[] p = new double[ranked.size()];
    for (int i = 0; i < ranked.size(); i++) {
      Point point = ranked.get(i);
      boolean testable = i > 0 && point.finite().size() >= 2 && best.finite().size() >= 2;
      tests[i] = testable ? Stats.welch(point.finite(), best.finite()) : null;
      p[i] = testable ? tests[i].p() : Double.NaN;
    }
    double[] holm = Stats.holm(p);
    List<Judgement> judgements = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Point point = ranked.get(i);
      boolean diverged = point.finite().isEmpty();
      boolean worse = tests[i] != null && holm[i] < alpha && tests[i].difference() < 0;
      boolean kept = !diverged && (i < top || !worse);
      judgements.add(new Judgement(point, i + 1, ranked.size(), kept, tests[i], holm[i]));
    }
    return judgements;
  }
}
