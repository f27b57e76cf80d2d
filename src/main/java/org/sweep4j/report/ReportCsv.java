package org.sweep4j.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code summary.csv} (a row per architecture × activation), {@code comparisons.csv} and, when the
 * sweep varies the distribution, {@code parallelism.csv}; NaN left empty.
 */
final class ReportCsv {
  private ReportCsv() {}

  static String summary(Comparison comparison) {
    StringBuilder csv =
        new StringBuilder(
            "architecture,activation,seeds,final_val_mean,final_val_sd,"
                + "final_val_ci_low,final_val_ci_high,best_val_mean,best_val_sd,best_val_ci_low,best_val_ci_high,"
                + "best_epoch_mean,train_val_gap_mean,epoch_seconds_mean,best,restored_seeds\n");
    for (CellSummary c : comparison.cells()) {
      csv.append(
          row(
              List.of(
                  c.architecture(),
                  c.activation(),
                  String.valueOf(c.seeds()),
                  num(c.finalVal().mean()),
                  num(c.finalVal().sd()),
                  num(c.finalVal().low()),
                  num(c.finalVal().high()),
                  num(c.bestVal().mean()),
                  num(c.bestVal().sd()),
                  num(c.bestVal().low()),
                  num(c.bestVal().high()),
                  num(c.bestEpochMean()),
                  num(c.gap().mean()),
                  num(c.epochSecondsMean()),
                  String.valueOf(comparison.isBest(c)),
                  String.valueOf(c.restoredSeeds()))));
    }
    return csv.toString();
  }

  static String comparisons(Comparison comparison) {
    StringBuilder csv =
        new StringBuilder(
            "architecture,activation,baseline,seeds,baseline_seeds,difference,"
                + "ci_low,ci_high,p,p_holm,min_difference,p_equivalent_holm,detectable,"
                + "seeds_to_decide,decision,verdict,warning\n");
    for (BaselineComparison c : comparison.comparisons()) {
      csv.append(
          row(
              List.of(
                  c.architecture(),
                  c.activation(),
                  c.baseline(),
                  String.valueOf(c.seeds()),
                  String.valueOf(c.baselineSeeds()),
                  num(c.difference()),
                  num(c.low()),
                  num(c.high()),
                  num(c.p()),
                  num(c.pHolm()),
                  num(c.delta()),
                  num(c.pEquivalentHolm()),
                  num(c.detectable()),
                  String.valueOf(c.seedsToDecide()),
                  c.decision().label(),
                  c.verdict(),
                  c.warning() == null ? "" : c.warning())));
    }
    return csv.toString();
  }

  /** The analysis of variance, a row per term, then the residual. */
  static String anova(Comparison comparison) {
    AnovaTable anova = comparison.anova();
    StringBuilder csv =
        new StringBuilder(
            "response,term,df,sum_of_squares,f,p,partial_eta_squared,eta_ci_low,eta_ci_high\n");
    for (AnovaTerm t : anova.terms()) {
      csv.append(
          row(
              List.of(
                  anova.response(),
                  t.term(),
                  String.valueOf(t.df()),
                  num(t.sumOfSquares()),
                  num(t.f()),
                  num(t.p()),
                  num(t.partialEtaSquared()),
                  num(t.etaLow()),
                  num(t.etaHigh()))));
    }
    csv.append(
        row(
            List.of(
                anova.response(),
                "residual",
                String.valueOf(anova.residualDf()),
                num(anova.residualSumOfSquares()),
                "",
                "",
                "",
                "",
                "")));
    return csv.toString();
  }

  /**
   * How an adaptive-seeds sweep spent its seeds: a row per cell, with the test at its last look.
   */
  static String adaptiveSeeds(AdaptiveSeedsReport seeds) {
    StringBuilder csv =
        new StringBuilder(
            "architecture,cell,baseline,seeds,stop,verdict,difference,ci_low,ci_high,p_holm,"
                + "p_equivalent_holm,level,alpha,min_difference,max_seeds\n");
    for (AdaptiveSeedsReport.Row r : seeds.rows()) {
      SeedLooks.CellOutcome o = r.outcome();
      SequentialDesign.Decision d = o.decision();
      Stats.Welch w = o.welch();
      csv.append(
          row(
              List.of(
                  r.architecture(),
                  r.cell(),
                  r.baselineCell() == null ? "" : r.baselineCell(),
                  String.valueOf(o.seeds()),
                  o.stop().name().toLowerCase(Locale.ROOT),
                  d == null ? "" : d.verdict().name().toLowerCase(Locale.ROOT),
                  w == null ? "" : num(w.difference()),
                  w == null ? "" : num(w.low()),
                  w == null ? "" : num(w.high()),
                  d == null ? "" : num(d.p()),
                  d == null ? "" : num(d.equivalenceP()),
                  d == null ? "" : num(d.level()),
                  num(seeds.design().alpha()),
                  num(seeds.design().delta()),
                  String.valueOf(seeds.design().max()))));
    }
    return csv.toString();
  }

  /** Each pruned point with the evidence at its rung. */
  static String pruning(PruningReport pruning) {
    StringBuilder csv =
        new StringBuilder(
            "architecture,point,rung,epoch,seeds,metric,value,rank,points,best,best_value,"
                + "difference,ci_low,ci_high,p_holm\n");
    for (PruningReport.Pruned p : pruning.pruned()) {
      Stats.Welch w = p.versusBest();
      csv.append(
          row(
              List.of(
                  p.architecture(),
                  p.cell(),
                  String.valueOf(p.rung()),
                  String.valueOf(p.epoch()),
                  String.valueOf(p.seeds()),
                  pruning.design().metric(),
                  num(p.value()),
                  String.valueOf(p.rank()),
                  String.valueOf(p.points()),
                  p.best(),
                  num(p.bestValue()),
                  w == null ? "" : num(w.difference()),
                  w == null ? "" : num(w.low()),
                  w == null ? "" : num(w.high()),
                  num(p.pHolm()))));
    }
    return csv.toString();
  }

  static String parallelism(Comparison comparison) {
    StringBuilder csv =
        new StringBuilder(
            "architecture,cell,setting,reference,seeds,reference_seeds,"
                + "accuracy_difference,accuracy_ci_low,accuracy_ci_high,accuracy_p,reference_seconds,seconds_difference,"
                + "seconds_ci_low,seconds_ci_high,speedup\n");
    for (ParallelismCost c : comparison.parallelism()) {
      csv.append(
          row(
              List.of(
                  c.architecture(),
                  c.cell(),
                  c.setting(),
                  c.reference(),
                  String.valueOf(c.seeds()),
                  String.valueOf(c.referenceSeeds()),
                  num(c.accuracy().difference()),
                  num(c.accuracy().low()),
                  num(c.accuracy().high()),
                  num(c.accuracy().p()),
                  num(c.referenceSeconds()),
                  num(c.seconds().difference()),
                  num(c.seconds().low()),
                  num(c.seconds().high()),
                  num(c.speedup()))));
    }
    return csv.toString();
  }

  private static String num(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
  }

  private static String row(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\n";
  }
}
