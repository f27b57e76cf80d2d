package org.sweep4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * Groups finished trials into architecture × activation cells, sorted best first within each architecture.
 * Trials that diverged or failed are listed apart, not averaged in.
 */
public record Comparison(List<CellSummary> cells, List<TrialRow> unfinished, int trials) {

  public Comparison {
    cells = List.copyOf(cells);
    unfinished = List.copyOf(unfinished);
  }

  public static Comparison of(List<TrialRow> trials, List<EpochRow> epochs) {
    Map<String, List<EpochRow>> epochsByTrial = new TreeMap<>();
    for (EpochRow epoch : epochs) {
      epochsByTrial.computeIfAbsent(epoch.trialId(), k -> new ArrayList<>()).add(epoch);
    }
    epochsByTrial.values().forEach(list -> list.sort(Comparator.comparingInt(EpochRow::epoch)));
    Map<List<String>, List<TrialRow>> byCell = new LinkedHashMap<>();
    List<TrialRow> unfinished = new ArrayList<>();
    for (TrialRow trial : trials) {
      if (trial.status() == TrialStatus.FINISHED && epochsByTrial.containsKey(trial.trialId())) {
        byCell.computeIfAbsent(List.of(trial.architecture(), trial.activation()), k -> new ArrayList<>()).add(trial);
      } else {
        unfinished.add(trial);
      }
    }
    List<CellSummary> cells = new ArrayList<>();
    byCell.forEach((key, cellTrials) -> cells.add(summarize(key.get(0), key.get(1), cellTrials, epochsByTrial)));
    cells.sort(Comparator.comparing(CellSummary::architecture)
        .thenComparing(Comparator.comparingDouble(CellSummary::finalValMean).reversed()));
    unfinished.sort(Comparator.comparing(TrialRow::trialId));
    return new Comparison(cells, unfinished, trials.size());
  }

  private static CellSummary summarize(String architecture, String activation, List<TrialRow> trials,
      Map<String, List<EpochRow>> epochsByTrial) {
    List<Double> finals = new ArrayList<>();
    List<Double> bests = new ArrayList<>();
    List<Double> gaps = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    int length = Integer.MAX_VALUE;
    for (TrialRow trial : trials) {
      List<EpochRow> curve = epochsByTrial.get(trial.trialId());
      EpochRow last = curve.get(curve.size() - 1);
      finals.add(last.valAccuracy());
      bests.add(curve.stream().mapToDouble(EpochRow::valAccuracy).max().orElse(Double.NaN));
      gaps.add(last.trainAccuracy() - last.valAccuracy());
      curve.forEach(e -> seconds.add(e.seconds()));
      length = Math.min(length, curve.size());
    }
    List<Double> valCurve = new ArrayList<>();
    List<Double> trainCurve = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      final int epoch = i;
      valCurve.add(Stats.mean(trials.stream().map(t -> epochsByTrial.get(t.trialId()).get(epoch).valAccuracy())
          .toList()));
      trainCurve.add(Stats.mean(trials.stream().map(t -> epochsByTrial.get(t.trialId()).get(epoch).trainAccuracy())
          .toList()));
    }
    return new CellSummary(architecture, activation, trials.size(), Stats.mean(finals), Stats.sd(finals),
        Stats.mean(bests), Stats.sd(bests), Stats.mean(gaps), Stats.mean(seconds), valCurve, trainCurve);
  }

  /** The distinct architectures, in report order. */
  public List<String> architectures() {
    return cells.stream().map(CellSummary::architecture).distinct().toList();
  }

  /** Whether {@code cell} has the highest mean final val accuracy of its architecture. */
  public boolean isBest(CellSummary cell) {
    return cells.stream().filter(c -> c.architecture().equals(cell.architecture())).findFirst()
        .map(c -> c == cell).orElse(false);
  }
}
