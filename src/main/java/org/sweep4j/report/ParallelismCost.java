package org.sweep4j.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.TrialRow;

/**
 * What parameter averaging buys and costs, for one cell (architecture, activation and any other
 * setting that varies) and one parallel setting ({@code workers=2 avg=5}) against one worker
 * trained the same way: the difference in final val accuracy and in wall time per trial (training
 * and scoring), each with its 95% Welch interval across seeds. NaN intervals mean fewer than two
 * seeds on a side.
 */
public record ParallelismCost(
    String architecture,
    String cell,
    String setting,
    String reference,
    int seeds,
    int referenceSeeds,
    Stats.Welch accuracy,
    Stats.Welch seconds,
    double referenceSeconds) {

  /** Wall time of one worker ÷ wall time of this setting: above 1, averaging saves time. */
  public double speedup() {
    return referenceSeconds / (referenceSeconds + seconds.difference());
  }

  /**
   * Every parallel setting of every cell against that cell's one-worker trials; empty unless the
   * trials vary the number of workers or the averaging frequency and some trials ran on one worker.
   */
  static List<ParallelismCost> of(
      List<TrialRow> finished, Map<String, List<EpochRow>> epochsByTrial, List<Setting> varying) {
    if (!varying.contains(Setting.WORKERS) && !varying.contains(Setting.AVERAGING_FREQUENCY)) {
      return List.of();
    }
    List<ParallelismCost> costs = new ArrayList<>();
    cells(finished, varying)
        .forEach(
            (cell, bySetting) -> {
              String reference =
                  bySetting.keySet().stream()
                      .filter(s -> s.startsWith("workers=1 "))
                      .findFirst()
                      .orElse(null);
              if (reference != null) {
                bySetting.forEach(
                    (setting, trials) -> {
                      if (!setting.equals(reference)) {
                        costs.add(
                            cost(
                                cell,
                                setting,
                                trials,
                                reference,
                                bySetting.get(reference),
                                epochsByTrial));
                      }
                    });
              }
            });
    costs.sort(
        Comparator.comparing(ParallelismCost::architecture)
            .thenComparing(ParallelismCost::cell)
            .thenComparing(ParallelismCost::setting));
    return costs;
  }

  /**
   * Trials by cell ([architecture, label without the parallel settings]) and parallel setting
   * ({@code workers=2 avg=5}).
   */
  private static Map<List<String>, Map<String, List<TrialRow>>> cells(
      List<TrialRow> finished, List<Setting> varying) {
    List<Setting> cellSettings =
        varying.stream()
            .filter(
                s ->
                    s != Setting.WORKERS
                        && s != Setting.AVERAGING_FREQUENCY
                        && s != Setting.BATCH_SIZE_PER_WORKER)
            .toList();
    Map<List<String>, Map<String, List<TrialRow>>> cells = new LinkedHashMap<>();
    for (TrialRow trial : finished) {
      cells
          .computeIfAbsent(
              List.of(trial.settings().architecture(), Comparison.cellLabel(trial, cellSettings)),
              k -> new TreeMap<>())
          .computeIfAbsent(setting(trial), k -> new ArrayList<>())
          .add(trial);
    }
    return cells;
  }

  private static ParallelismCost cost(
      List<String> cell,
      String setting,
      List<TrialRow> trials,
      String reference,
      List<TrialRow> one,
      Map<String, List<EpochRow>> epochsByTrial) {
    List<Double> referenceSeconds = wallSeconds(one);
    return new ParallelismCost(
        cell.get(0),
        cell.get(1),
        setting,
        reference,
        trials.size(),
        one.size(),
        welch(finalAccuracies(trials, epochsByTrial), finalAccuracies(one, epochsByTrial)),
        welch(wallSeconds(trials), referenceSeconds),
        Stats.mean(referenceSeconds));
  }

  /**
   * Welch's interval, or the bare difference with NaN interval and p when a side has fewer than two
   * seeds.
   */
  private static Stats.Welch welch(List<Double> a, List<Double> b) {
    if (a.size() < 2 || b.size() < 2) {
      double difference = Stats.mean(a) - Stats.mean(b);
      return new Stats.Welch(
          difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return Stats.welch(a, b);
  }

  /** {@code workers=2 avg=5}: the distribution a trial ran with. */
  static String setting(TrialRow trial) {
    return "workers="
        + trial.settings().workers()
        + " avg="
        + trial.settings().averagingFrequency();
  }

  private static List<Double> finalAccuracies(
      List<TrialRow> trials, Map<String, List<EpochRow>> epochsByTrial) {
    return trials.stream()
        .map(
            t -> {
              List<EpochRow> curve = epochsByTrial.get(t.trialId());
              return FinalEpoch.of(t, curve).valAccuracy();
            })
        .toList();
  }

  private static List<Double> wallSeconds(List<TrialRow> trials) {
    return trials.stream()
        .map(
            t ->
                Duration.between(t.outcome().startedAt(), t.outcome().finishedAt()).toMillis()
                    / 1000.0)
        .toList();
  }
}
