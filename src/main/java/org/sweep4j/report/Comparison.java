package org.sweep4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.sweep4j.config.JobSpec;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * Everything a report shows, computed from the tables: finished trials grouped into architecture ×
 * activation cells (sorted best first within each architecture), each activation tested against the
 * baseline, the layer diagnostics averaged per cell, what parameter averaging costs against one
 * worker (when the sweep varies it), and the trials that diverged, failed or were interrupted,
 * listed apart rather than averaged in.
 */
public record Comparison(
    List<CellSummary> cells,
    List<BaselineComparison> comparisons,
    String baseline,
    List<LayerStatSummary> layerStats,
    List<TrialRow> unfinished,
    int trials,
    List<ParallelismCost> parallelism,
    AnovaTable anova,
    double minDifference,
    List<SettingEffect> settingEffects,
    AdaptiveSeedsReport adaptiveSeeds,
    PruningReport pruning) {

  /**
   * The baseline when the job names none: ReLU, the default every activation is measured against.
   */
  public Comparison {
    cells = List.copyOf(cells);
    comparisons = List.copyOf(comparisons);
    layerStats = List.copyOf(layerStats);
    unfinished = List.copyOf(unfinished);
    parallelism = List.copyOf(parallelism);
    settingEffects = List.copyOf(settingEffects);
  }

  public static Comparison of(List<TrialRow> trials, List<EpochRow> epochs) {
    return of(trials, epochs, List.of(), JobSpec.DEFAULT_BASELINE);
  }

  public static Comparison of(
      List<TrialRow> trials,
      List<EpochRow> epochs,
      List<LayerStatRow> layerStats,
      String baseline) {
    return of(trials, epochs, layerStats, baseline, JobSpec.DEFAULT_MIN_DIFFERENCE);
  }

  /**
   * @param minDifference the smallest difference in accuracy that matters: comparisons within it of
   *     the baseline are equivalent
   */
  public static Comparison of(
      List<TrialRow> trials,
      List<EpochRow> epochs,
      List<LayerStatRow> layerStats,
      String baseline,
      double minDifference) {
    Map<String, List<EpochRow>> epochsByTrial = byTrial(epochs);
    Map<List<String>, List<TrialRow>> byCell = new LinkedHashMap<>();
    List<TrialRow> unfinished = new ArrayList<>();
    List<Setting> varying = Setting.varying(trials);
    for (TrialRow trial : trials) {
      if (trial.outcome().prunedAtRung() > 0) {
        continue; // shown with the pruning's evidence, not compared as if trained to the end
      }
      if (trial.outcome().status() == TrialStatus.FINISHED
          && epochsByTrial.containsKey(trial.trialId())) {
        byCell
            .computeIfAbsent(
                List.of(trial.settings().architecture(), cellLabel(trial, varying)),
                k -> new ArrayList<>())
            .add(trial);
      } else {
        unfinished.add(trial);
      }
    }
    List<CellSummary> cells = new ArrayList<>();
    byCell.forEach(
        (key, cellTrials) ->
            cells.add(summarize(key.get(0), key.get(1), cellTrials, epochsByTrial)));
    cells.sort(
        Comparator.comparing(CellSummary::architecture)
            .thenComparing(
                Comparator.comparingDouble((CellSummary c) -> c.finalVal().mean()).reversed()));
    unfinished.sort(Comparator.comparing(TrialRow::trialId));
    List<TrialRow> finished = byCell.values().stream().flatMap(List::stream).toList();
    return new Comparison(
        cells,
        BaselineTests.of(cells, baseline, minDifference),
        baseline,
        LayerStatSummary.of(layerStats, finished, varying),
        unfinished,
        trials.size(),
        ParallelismCost.of(finished, epochsByTrial, varying),
        SweepAnova.of(finished, epochsByTrial, varying),
        minDifference,
        SettingEffect.of(finished, epochsByTrial, varying),
        null,
        null);
  }

  /** This comparison with how an adaptive-seeds sweep spent its seeds. */
  public Comparison withAdaptiveSeeds(AdaptiveSeedsReport seeds) {
    return with(seeds, pruning);
  }

  /** This comparison with what pruning saved and the evidence against each pruned point. */
  public Comparison withPruning(PruningReport report) {
    return with(adaptiveSeeds, report);
  }

  private Comparison with(AdaptiveSeedsReport seeds, PruningReport report) {
    return new Comparison(
        cells,
        comparisons,
        baseline,
        layerStats,
        unfinished,
        trials,
        parallelism,
        anova,
        minDifference,
        settingEffects,
        seeds,
        report);
  }

  /** Each trial's epochs, in epoch order. */
  private static Map<String, List<EpochRow>> byTrial(List<EpochRow> epochs) {
    Map<String, List<EpochRow>> epochsByTrial = new TreeMap<>();
    for (EpochRow epoch : epochs) {
      epochsByTrial.computeIfAbsent(epoch.trialId(), k -> new ArrayList<>()).add(epoch);
    }
    epochsByTrial.values().forEach(list -> list.sort(Comparator.comparingInt(EpochRow::epoch)));
    return epochsByTrial;
  }

  private static CellSummary summarize(
      String architecture,
      String activation,
      List<TrialRow> trials,
      Map<String, List<EpochRow>> epochsByTrial) {
    List<Double> finals = new ArrayList<>();
    List<Double> bests = new ArrayList<>();
    List<Double> bestEpochs = new ArrayList<>();
    List<Double> gaps = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    int length = Integer.MAX_VALUE;
    int restored = 0;
    for (TrialRow trial : trials) {
      List<EpochRow> curve = epochsByTrial.get(trial.trialId());
      EpochRow last = FinalEpoch.of(trial, curve);
      restored += trial.outcome().restoredBest() ? 1 : 0;
      EpochRow best =
          curve.stream().max(Comparator.comparingDouble(EpochRow::valAccuracy)).orElseThrow();
      finals.add(last.valAccuracy());
      bests.add(best.valAccuracy());
      bestEpochs.add((double) best.epoch());
      gaps.add(last.trainAccuracy() - last.valAccuracy());
      curve.forEach(e -> seconds.add(e.seconds()));
      length = Math.min(length, curve.size());
    }
    List<List<EpochRow>> curves = trials.stream().map(t -> epochsByTrial.get(t.trialId())).toList();
    return new CellSummary(
        architecture,
        activation,
        trials.size(),
        Estimate.of(finals),
        Estimate.of(bests),
        Stats.mean(bestEpochs),
        Estimate.of(gaps),
        Stats.mean(seconds),
        curve(curves, length, EpochRow::trainAccuracy),
        curve(curves, length, EpochRow::valAccuracy),
        curve(curves, length, EpochRow::trainLoss),
        curve(curves, length, EpochRow::valLoss),
        finals,
        restored);
  }

  private static Curve curve(
      List<List<EpochRow>> curves, int length, ToDoubleFunction<EpochRow> measure) {
    List<Double> means = new ArrayList<>();
    List<Double> sds = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      final int epoch = i;
      List<Double> values = curves.stream().map(c -> measure.applyAsDouble(c.get(epoch))).toList();
      means.add(Stats.mean(values));
      sds.add(Stats.sd(values));
    }
    return new Curve(means, sds);
  }

  /**
   * What a cell is called: the activation's label, then every setting that varies across the
   * report's trials ({@code "relu +crop_flip lr=0.01 workers=2"}), so trials that differ in
   * anything but the seed are separate cells, each tested against the baseline trained the same
   * way.
   */
  static String cellLabel(TrialRow trial, List<Setting> varying) {
    StringBuilder label = new StringBuilder(trial.settings().activation());
    for (Setting setting : varying) {
      String part = setting.label(trial);
      if (!part.isEmpty()) {
        label.append(' ').append(part);
      }
    }
    return label.toString();
  }

  /**
   * The settings part of a cell label: everything after the activation (activation labels hold no
   * spaces).
   */
  static String settingsSuffix(String cellLabel) {
    int space = cellLabel.indexOf(' ');
    return space < 0 ? "" : cellLabel.substring(space);
  }

  /** The distinct architectures, in report order. */
  public List<String> architectures() {
    return cells.stream().map(CellSummary::architecture).distinct().toList();
  }

  public List<CellSummary> cellsOf(String architecture) {
    return cells.stream().filter(c -> c.architecture().equals(architecture)).toList();
  }

  public List<ParallelismCost> parallelismOf(String architecture) {
    return parallelism.stream().filter(c -> c.architecture().equals(architecture)).toList();
  }

  public List<BaselineComparison> comparisonsOf(String architecture) {
    return comparisons.stream().filter(c -> c.architecture().equals(architecture)).toList();
  }

  /**
   * What "final" means in this report's tables, for their headers: the last epoch, the restored
   * best epoch (early stopping with restore_best), or either, trial by trial.
   */
  public String finalWeights() {
    int restored = cells.stream().mapToInt(CellSummary::restoredSeeds).sum();
    int seeds = cells.stream().mapToInt(CellSummary::seeds).sum();
    if (restored == 0) {
      return "last epoch";
    }
    return restored == seeds ? "restored best epoch" : "last or restored best epoch";
  }

  /** Whether {@code cell} has the highest mean final val accuracy of its architecture. */
  public boolean isBest(CellSummary cell) {
    return cells.stream()
        .filter(c -> c.architecture().equals(cell.architecture()))
        .findFirst()
        .map(c -> c == cell)
        .orElse(false);
  }
}
