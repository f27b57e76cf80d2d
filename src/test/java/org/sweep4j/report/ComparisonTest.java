package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerMeasure;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialRowBuilder;
import org.sweep4j.results.TrialStatus;

class ComparisonTest {
  static TrialRow trial(String id, String activation, TrialStatus status, int completed) {
    return TrialRowBuilder.trial(id)
        .activation(activation)
        .status(status)
        .completed(completed)
        .build();
  }

  static List<EpochRow> curve(String id, double... valAccuracies) {
    List<EpochRow> rows = new ArrayList<>();
    for (int i = 0; i < valAccuracies.length; i++) {
      rows.add(
          new EpochRow(
              id,
              i + 1,
              1.0 / (i + 1),
              valAccuracies[i] + 0.1,
              1.2 / (i + 1),
              valAccuracies[i],
              2.0,
              100));
    }
    return rows;
  }

  /** relu: 3 seeds; selu: 3 seeds clearly worse; tanh: 2 seeds; sigmoid diverged. */
  static final List<TrialRow> TRIALS =
      List.of(
          trial("r1", "relu", TrialStatus.FINISHED, 2),
          trial("r2", "relu", TrialStatus.FINISHED, 2),
          trial("r3", "relu", TrialStatus.FINISHED, 2),
          trial("s1", "selu", TrialStatus.FINISHED, 2),
          trial("s2", "selu", TrialStatus.FINISHED, 2),
          trial("s3", "selu", TrialStatus.FINISHED, 2),
          trial("t1", "tanh", TrialStatus.FINISHED, 2),
          trial("t2", "tanh", TrialStatus.FINISHED, 2),
          trial("d1", "sigmoid", TrialStatus.DIVERGED, 1));

  static List<EpochRow> epochs() {
    List<EpochRow> all = new ArrayList<>();
    all.addAll(curve("r1", 0.60, 0.70));
    all.addAll(curve("r2", 0.62, 0.71));
    all.addAll(curve("r3", 0.61, 0.72));
    all.addAll(curve("s1", 0.58, 0.64));
    all.addAll(curve("s2", 0.66, 0.65));
    all.addAll(curve("s3", 0.57, 0.66));
    all.addAll(curve("t1", 0.50, 0.60));
    all.addAll(curve("t2", 0.55, 0.75));
    all.addAll(curve("d1", 0.1));
    return all;
  }

  @Test
  void summarisesEachCellAcrossSeeds() {
    Comparison comparison = Comparison.of(TRIALS, epochs());
    assertEquals(
        List.of("relu", "tanh", "selu"),
        comparison.cells().stream().map(CellSummary::activation).toList());
    CellSummary relu = comparison.cells().get(0);
    assertEquals(3, relu.seeds());
    assertEquals(0.71, relu.finalVal().mean(), 1e-12);
    assertEquals(0.01, relu.finalVal().sd(), 1e-12);
    assertEquals(4.302653 * 0.01 / Math.sqrt(3), relu.finalVal().halfWidth(), 1e-6);
    assertEquals(2.0, relu.bestEpochMean());
    assertEquals(0.1, relu.gap().mean(), 1e-12);
    assertEquals(
        List.of(0.61, 0.71),
        relu.valAccuracy().mean().stream().map(v -> Math.round(v * 100) / 100.0).toList());
    assertEquals(2, relu.valLoss().epochs());
    CellSummary selu = comparison.cells().get(2);
    assertEquals(
        (0.64 + 0.66 + 0.66) / 3, selu.bestVal().mean(), 1e-12, "seed 2's best is its epoch 1");
    assertEquals(5.0 / 3, selu.bestEpochMean(), 1e-12, "seed 2 peaked in epoch 1");
    assertTrue(comparison.isBest(relu));
    assertFalse(comparison.isBest(selu));
    assertEquals(List.of("d1"), comparison.unfinished().stream().map(TrialRow::trialId).toList());
  }

  /**
   * Would have failed before: the report took the last epoch run as "final", also for trials that
   * early stopping ended with their best epoch's weights.
   */
  @Test
  void finalIsTheEpochWhoseWeightsTheTrialEndedWith() {
    List<TrialRow> trials =
        List.of(
            TrialRowBuilder.trial("a").epochs(3).completed(3).finalEpoch(1).build(),
            TrialRowBuilder.trial("b").epochs(3).completed(3).finalEpoch(3).build());
    List<EpochRow> epochs = new ArrayList<>(curve("a", 0.70, 0.60, 0.50));
    epochs.addAll(curve("b", 0.40, 0.50, 0.60));
    Comparison comparison = Comparison.of(trials, epochs);
    CellSummary relu = comparison.cells().get(0);
    assertEquals((0.70 + 0.60) / 2, relu.finalVal().mean(), 1e-12);
    assertEquals(List.of(0.70, 0.60), relu.finalValues());
    assertEquals(1, relu.restoredSeeds());
    assertEquals("last or restored best epoch", comparison.finalWeights());
    assertTrue(
        ReportMarkdown.render(comparison, java.util.Map.of(), "t")
            .contains("| seeds | final val acc (last or restored best epoch) |"),
        "the table says which epoch is final");
    assertEquals("last epoch", Comparison.of(TRIALS, epochs()).finalWeights());
  }

  @Test
  void testsEachActivationAgainstTheBaselineWithHolm() {
    Comparison comparison = Comparison.of(TRIALS, epochs());
    assertEquals(
        List.of("tanh", "selu"),
        comparison.comparisons().stream().map(BaselineComparison::activation).toList());
    BaselineComparison tanh = comparison.comparisons().get(0);
    BaselineComparison selu = comparison.comparisons().get(1);
    // scipy.stats.ttest_ind([0.64, 0.65, 0.66], [0.70, 0.71, 0.72], equal_var=False).pvalue =
    // 0.00182626
    assertEquals(-0.06, selu.difference(), 1e-12);
    assertEquals(0.00182626, selu.p(), 1e-7);
    assertEquals(0.00365252, selu.pHolm(), 2e-7, "the smaller of 2 p-values is doubled");
    assertEquals("worse than relu by 0.060", selu.verdict());
    assertNull(selu.warning());
    // Before: "not distinguishable from relu", which reads as "no difference".
    assertEquals(
        "undecided at ±0.01: the interval [-0.965, +0.895] reaches beyond it; more than 100 seeds"
            + " per side would be needed",
        tanh.verdict());
    assertEquals(BaselineComparison.Decision.UNDECIDED, tanh.decision());
    assertEquals("fewer than 3 seeds: treat as a hint", tanh.warning());
    // ttest_ind([0.60, 0.75], [0.70, 0.71, 0.72], equal_var=False): p 0.722031, CI (-0.964694,
    // 0.894694)
    assertEquals(0.722031, tanh.p(), 1e-6);
    assertEquals(-0.964694, tanh.low(), 1e-6);
    assertEquals(0.894694, tanh.high(), 1e-6);
  }

  /**
   * A near tie such as ReLU vs Leaky ReLU after a few epochs reads as equivalent within ±δ (two
   * one-sided tests), not as "no difference"; a wider δ-window changes nothing here, a narrow one
   * leaves it undecided with the seeds that would decide.
   */
  @Test
  void aNearTieIsEquivalentWithinTheMinimumDifferenceOrUndecided() {
    double[] relu = {0.700, 0.702, 0.701, 0.699, 0.703};
    double[] leaky = {0.701, 0.700, 0.702, 0.703, 0.700};
    List<TrialRow> trials = new ArrayList<>();
    List<EpochRow> epochs = new ArrayList<>();
    for (int i = 0; i < relu.length; i++) {
      trials.add(trial("r" + i, "relu", TrialStatus.FINISHED, 2));
      trials.add(trial("l" + i, "leaky_relu", TrialStatus.FINISHED, 2));
      epochs.addAll(curve("r" + i, 0.5, relu[i]));
      epochs.addAll(curve("l" + i, 0.5, leaky[i]));
    }
    BaselineComparison tie =
        Comparison.of(trials, epochs, List.of(), "relu", 0.01).comparisons().get(0);
    // TOST by hand with scipy: max(1 - t.cdf((d + δ)/se, df), t.cdf((d - δ)/se, df)) = 3.3608e-06
    assertEquals(3.360827508619182e-06, tie.pEquivalentHolm(), 1e-9);
    assertEquals(0.8329168415973257, tie.p(), 1e-9);
    assertEquals(BaselineComparison.Decision.EQUIVALENT, tie.decision());
    assertEquals("equivalent to relu within ±0.01", tie.verdict());

    BaselineComparison strict =
        Comparison.of(trials, epochs, List.of(), "relu", 0.001).comparisons().get(0);
    assertEquals(BaselineComparison.Decision.UNDECIDED, strict.decision());
    assertTrue(strict.verdict().startsWith("undecided at ±0.001"), strict.verdict());
    assertTrue(
        strict.seedsToDecide() > relu.length, "more seeds than ran: " + strict.seedsToDecide());
  }

  @Test
  void aSingleSeedIsNotTestedAndAnAbsentBaselineGivesNoComparisons() {
    List<TrialRow> trials =
        List.of(
            trial("r1", "relu", TrialStatus.FINISHED, 2),
            trial("s1", "selu", TrialStatus.FINISHED, 2),
            trial("s2", "selu", TrialStatus.FINISHED, 2));
    List<EpochRow> epochs = new ArrayList<>(curve("r1", 0.6, 0.7));
    epochs.addAll(curve("s1", 0.6, 0.7));
    epochs.addAll(curve("s2", 0.6, 0.7));
    BaselineComparison single = Comparison.of(trials, epochs).comparisons().get(0);
    assertFalse(single.testable());
    assertTrue(single.verdict().startsWith("not testable"), single.verdict());
    assertEquals(List.of(), Comparison.of(trials, epochs, List.of(), "gelu").comparisons());
  }

  @Test
  void augmentedTrialsAreCellsOfTheirOwnTestedAgainstTheAugmentedBaseline() {
    List<TrialRow> trials = new ArrayList<>(TRIALS);
    List<EpochRow> epochs = new ArrayList<>(epochs());
    for (String id : List.of("ra1", "ra2", "sa1", "sa2")) {
      trials.add(
          TrialRowBuilder.trial(id)
              .activation(id.startsWith("r") ? "relu" : "selu")
              .augmentation("crop_flip")
              .build());
      epochs.addAll(curve(id, 0.5, id.startsWith("r") ? 0.8 : 0.6));
    }
    Comparison comparison = Comparison.of(trials, epochs, List.of(), "relu");
    assertTrue(
        comparison.cells().stream()
            .anyMatch(c -> c.activation().equals("relu +crop_flip") && c.seeds() == 2));
    BaselineComparison augmentedSelu =
        comparison.comparisons().stream()
            .filter(c -> c.activation().equals("selu +crop_flip"))
            .findFirst()
            .orElseThrow();
    assertEquals("relu +crop_flip", augmentedSelu.baseline());
    assertEquals(-0.2, augmentedSelu.difference(), 1e-12);
    assertEquals(
        3,
        comparison.cellsOf("small_cnn").stream().filter(c -> !c.activation().contains("+")).count(),
        "the plain cells are unchanged");
  }

  @Test
  void layerStatsAreAveragedOverSeedsAtTheLastEpochInNetworkOrder() {
    List<LayerStatRow> stats =
        List.of(
            new LayerStatRow("r1", 1, "conv1", LayerMeasure.DEAD_FRACTION, 0.9),
            new LayerStatRow("r1", 2, "dense1", LayerMeasure.DEAD_FRACTION, 0.5),
            new LayerStatRow("r1", 2, "conv10", LayerMeasure.DEAD_FRACTION, 0.3),
            new LayerStatRow("r1", 2, "conv1", LayerMeasure.DEAD_FRACTION, 0.1),
            new LayerStatRow("r2", 2, "conv1", LayerMeasure.DEAD_FRACTION, 0.2),
            new LayerStatRow("d1", 1, "conv1", LayerMeasure.DEAD_FRACTION, 1.0));
    List<LayerStatSummary> summaries = Comparison.of(TRIALS, epochs(), stats, "relu").layerStats();
    assertEquals(
        List.of("conv1", "conv10", "dense1"),
        summaries.stream().map(LayerStatSummary::layer).toList());
    assertEquals(
        0.15,
        summaries.get(0).mean(),
        1e-12,
        "epoch 2 of r1 and r2; not epoch 1, not the diverged d1");
    assertEquals(2, summaries.get(0).seeds());
  }

  static TrialRow withSettings(String id, String activation, double learningRate, int workers) {
    return TrialRowBuilder.trial(id)
        .activation(activation)
        .learningRate(learningRate)
        .workers(workers)
        .build();
  }

  @Test
  void cellsNameEverySettingThatVariesAndMeetTheBaselineTrainedAlike() {
    List<TrialRow> trials = new ArrayList<>();
    List<EpochRow> epochs = new ArrayList<>();
    int n = 0;
    for (String activation : List.of("relu", "selu")) {
      for (double lr : new double[] {0.001, 0.01}) {
        for (int seed = 0; seed < 2; seed++) {
          String id = activation + "-" + lr + "-" + seed;
          trials.add(withSettings(id, activation, lr, 2));
          epochs.addAll(curve(id, 0.5, 0.6 + 0.01 * (n++ % 3)));
        }
      }
    }
    Comparison comparison = Comparison.of(trials, epochs, List.of(), "relu");
    assertEquals(
        List.of("relu lr=0.001", "relu lr=0.01", "selu lr=0.001", "selu lr=0.01"),
        comparison.cells().stream().map(CellSummary::activation).sorted().toList(),
        "workers is the same for every trial, so it is not in the labels");
    assertEquals(
        List.of("selu lr=0.001 vs relu lr=0.001", "selu lr=0.01 vs relu lr=0.01"),
        comparison.comparisons().stream()
            .map(c -> c.activation() + " vs " + c.baseline())
            .sorted()
            .toList());
  }

  static TrialRow timed(String id, int workers, int averaging, long seconds) {
    return TrialRowBuilder.trial(id)
        .workers(workers)
        .averagingFrequency(averaging)
        .times(Instant.EPOCH, Instant.EPOCH.plusSeconds(seconds))
        .build();
  }

  @Test
  void parallelSettingsAreMeasuredAgainstOneWorker() {
    List<TrialRow> trials = new ArrayList<>();
    List<EpochRow> epochs = new ArrayList<>();
    double[] one = {0.70, 0.72, 0.71};
    double[] two = {0.66, 0.67, 0.68};
    for (int seed = 0; seed < 3; seed++) {
      trials.add(timed("one" + seed, 1, 5, 100 + seed));
      epochs.addAll(curve("one" + seed, 0.5, one[seed]));
      trials.add(timed("two" + seed, 2, 5, 60 + seed));
      epochs.addAll(curve("two" + seed, 0.5, two[seed]));
    }
    Comparison comparison = Comparison.of(trials, epochs, List.of(), "relu");
    assertEquals(
        List.of("relu workers=1 batch/worker=32", "relu workers=2 batch/worker=16"),
        comparison.cells().stream().map(CellSummary::activation).sorted().toList());
    assertEquals(1, comparison.parallelism().size());
    ParallelismCost cost = comparison.parallelism().get(0);
    assertEquals("relu", cost.cell());
    assertEquals("workers=2 avg=5", cost.setting());
    assertEquals("workers=1 avg=5", cost.reference());
    assertEquals(-0.04, cost.accuracy().difference(), 1e-9);
    assertTrue(cost.accuracy().high() < 0, "two workers are worse here, and the interval says so");
    assertEquals(-40, cost.seconds().difference(), 1e-9);
    assertEquals(101 / 61.0, cost.speedup(), 1e-9);
    // Welch: sd 0.01 on each side, 3 seeds: se 0.00816, 4 degrees of freedom, t 2.776: half-width
    // 0.0227.
    assertEquals(
        List.of("3 vs 3", "-0.0400 [-0.0627, -0.0173]", "101 → 61", "-40 [-42, -38]", "1.66×"),
        ReportWriter.parallelismCells(cost));
    assertEquals(
        List.of(),
        Comparison.of(TRIALS, epochs()).parallelism(),
        "nothing to say without a workers axis");
  }
}
