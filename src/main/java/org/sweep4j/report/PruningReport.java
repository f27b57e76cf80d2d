package org.sweep4j.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;

/**
 * What pruning saved and what it risked: the epochs trained against the full grid's, and for every
 * pruned point the evidence at its rung, replayed from the recorded epochs with the design the runs
 * recorded ({@link PruningRule}, as the driver judged it).
 *
 * @param epochsRun epochs the sweep's trials trained
 * @param epochsFull epochs they would have trained without pruning
 */
public record PruningReport(
    RunRow.PruningDesign design, List<Pruned> pruned, long epochsRun, long epochsFull) {

  /**
   * A pruned point and the evidence against it at its rung.
   *
   * @param value its mean metric over seeds at the rung (val accuracy, or val loss)
   * @param versusBest Welch's test of its seeds against the best point's (on the oriented metric)
   */
  public record Pruned(
      String architecture,
      String cell,
      int rung,
      int epoch,
      int seeds,
      double value,
      int rank,
      int points,
      String best,
      double bestValue,
      Stats.Welch versusBest,
      double pHolm) {}

  public PruningReport {
    pruned = List.copyOf(pruned);
  }

  public static PruningReport of(
      RunRow.PruningDesign design, List<TrialRow> trials, List<EpochRow> epochs) {
    List<Integer> rungs = rungs(design.rungs());
    boolean loss = "val_loss".equals(design.metric());
    List<Setting> varying = Setting.varying(trials);
    Map<String, List<TrialRow>> byPoint = new LinkedHashMap<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    for (TrialRow trial : trials) {
      String label = Comparison.cellLabel(trial, varying);
      String key = trial.settings().architecture() + "\u0000" + label;
      byPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(trial);
      names.put(key, new String[] {trial.settings().architecture(), label});
    }
    Map<String, Map<Integer, EpochRow>> byTrial = new LinkedHashMap<>();
    for (EpochRow row : epochs) {
      byTrial.computeIfAbsent(row.trialId(), k -> new LinkedHashMap<>()).put(row.epoch(), row);
    }
    List<Pruned> pruned = new ArrayList<>();
    for (int r = 1; r <= rungs.size(); r++) {
      int epoch = rungs.get(r - 1);
      int rung = r;
      List<PruningRule.Point> points = new ArrayList<>();
      byPoint.forEach(
          (key, rows) -> {
            if (rows.stream().allMatch(t -> alive(t, rung))) {
              List<Double> values = new ArrayList<>();
              for (TrialRow t : rows) {
                EpochRow at = byTrial.getOrDefault(t.trialId(), Map.of()).get(epoch);
                values.add(at == null ? Double.NaN : PruningRule.oriented(at, loss));
              }
              points.add(new PruningRule.Point(key, values));
            }
          });
      if (points.isEmpty()) {
        continue;
      }
      List<PruningRule.Judgement> judged = PruningRule.judge(points, design.keep(), design.alpha());
      PruningRule.Point best = judged.get(0).point();
      for (PruningRule.Judgement j : judged) {
        boolean prunedHere =
            byPoint.get(j.point().point()).stream()
                .anyMatch(t -> t.outcome().prunedAtRung() == rung);
        if (prunedHere) {
          String[] name = names.get(j.point().point());
          double sign = loss ? -1 : 1;
          pruned.add(
              new Pruned(
                  name[0],
                  name[1],
                  rung,
                  epoch,
                  j.point().finite().size(),
                  sign * j.point().mean(),
                  j.rank(),
                  j.points(),
                  names.get(best.point())[1],
                  sign * best.mean(),
                  j.versusBest(),
                  j.pHolm()));
        }
      }
    }
    long run = trials.stream().mapToLong(t -> t.outcome().epochsCompleted()).sum();
    long full = trials.stream().mapToLong(t -> t.settings().epochs()).sum();
    return new PruningReport(design, pruned, run, full);
  }

  /** Whether a trial was still in at rung {@code rung}: not pruned at an earlier one. */
  private static boolean alive(TrialRow trial, int rung) {
    int at = trial.outcome().prunedAtRung();
    return at == 0 || at >= rung;
  }

  private static List<Integer> rungs(String text) {
    return Arrays.stream(text.replaceAll("[\\[\\] ]", "").split(","))
        .filter(s -> !s.isEmpty())
        .map(Integer::valueOf)
        .toList();
  }

  static final List<String> HEADERS =
      List.of(
          "architecture",
          "pruned point",
          "rung (epoch)",
          "seeds",
          "metric at the rung",
          "rank",
          "best point there",
          "difference from the best [95% CI]",
          "p (Holm)");

  /** A pruned point's cells, shared by the HTML and Markdown reports. */
  static List<String> cells(Pruned p) {
    return List.of(
        p.architecture(),
        p.cell(),
        p.rung() + " (" + p.epoch() + ")",
        String.valueOf(p.seeds()),
        ReportWriter.number(p.value(), 4),
        p.rank() + " of " + p.points(),
        p.best() + " " + ReportWriter.number(p.bestValue(), 4),
        p.versusBest() == null ? "–" : ReportWriter.interval(p.versusBest(), 4),
        ReportWriter.pValue(p.pHolm()));
  }

  /** What the section says above its table. */
  String note() {
    return String.format(
        Locale.ROOT,
        "Pruned at rungs %s (epochs) by %s: a grid point went on if it ranked among the best %.0f%%"
            + " of the points at the rung, or if Welch's test against the best point, Holm-corrected"
            + " over the points there, did not show it worse at α = %s. The trials trained %,d epochs"
            + " of the %,d the full grid takes (%.0f%%); %d points were pruned. Pruned points are"
            + " left out of the tables above, which compare the points that trained to the end.",
        design.rungs(),
        design.metric(),
        100 * design.keep(),
        design.alpha(),
        epochsRun,
        epochsFull,
        epochsFull == 0 ? 0.0 : 100.0 * epochsRun / epochsFull,
        pruned.stream().map(p -> p.architecture() + p.cell()).distinct().count());
  }
}
