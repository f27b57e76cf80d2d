package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pruning decisions on hand-made values at a rung, no training. */
class PruningRuleTest {
  private static Map<String, PruningRule.Judgement> judge(
      double keep, PruningRule.Point... points) {
    return PruningRule.judge(List.of(points), keep, 0.05).stream()
        .collect(Collectors.toMap(j -> j.point().point(), j -> j));
  }

  private static PruningRule.Point point(String name, Double... values) {
    return new PruningRule.Point(name, List.of(values));
  }

  @Test
  void aPointOutsideTheTopFractionStopsOnlyWhenShownWorse() {
    Map<String, PruningRule.Judgement> j =
        judge(
            0.25,
            point("relu", 0.70, 0.71, 0.69),
            point("elu", 0.69, 0.71, 0.70), // second, tied with the best: goes on
            point("step", 0.10, 0.11, 0.10), // far worse: stops
            point("tanh", 0.55, 0.75, 0.62)); // worse on average, but too noisy to show it
    assertEquals(1, j.get("relu").rank());
    assertTrue(j.get("relu").kept(), "the best always goes on");
    assertTrue(j.get("elu").kept(), "not shown worse: " + j.get("elu").pHolm());
    assertFalse(j.get("step").kept(), "shown worse: " + j.get("step").pHolm());
    assertTrue(j.get("tanh").kept(), "not shown worse: " + j.get("tanh").pHolm());
    // Holm over the three tests against the best: step's p times 3 at most.
    assertTrue(j.get("step").pHolm() < 0.001, String.valueOf(j.get("step").pHolm()));
  }

  @Test
  void oneSeedCannotShowAPointWorse() {
    Map<String, PruningRule.Judgement> j =
        judge(0.5, point("relu", 0.70), point("a", 0.50), point("b", 0.10), point("c", 0.60));
    assertEquals(
        4, j.values().stream().filter(PruningRule.Judgement::kept).count(), "replicates decide");
  }

  @Test
  void aPointWhoseSeedsAllDivergedStopsAndTheTopFractionIsAtLeastOne() {
    Map<String, PruningRule.Judgement> j =
        judge(
            0.01,
            point("relu", 0.70, 0.72),
            point("nan", Double.NaN, Double.NaN),
            point("close", 0.69, 0.73));
    assertTrue(j.get("relu").kept());
    assertFalse(j.get("nan").kept());
    assertEquals(3, j.get("nan").rank(), "ranked last");
    assertTrue(j.get("close").kept(), "outside the top 1%, but not shown worse");
  }
}
