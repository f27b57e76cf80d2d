package org.sweep4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweep4j.config.PruningSpec;

/**
 * Pruning's decisions as points reach their rungs one after another, on hand-made values, no
 * training: early promotions by rank among the points there so far, the full judgement once every
 * point still in is there, and what a resumed run infers from recorded trials.
 */
class RungLadderTest {
  private static final List<String> POINTS = List.of("a", "b", "c", "d");
  private static final double[] NOISE = {0.004, -0.003, -0.001};

  private static RungLadder ladder() {
    return new RungLadder(
        new PruningSpec(List.of(2, 4), 0.5, PruningSpec.Metric.VAL_ACCURACY, 0.05), POINTS, 3);
  }

  /** Point {@code p}'s three seeds reach {@code epoch}, each at {@code level} plus its noise. */
  private static void arrive(RungLadder ladder, int p, int epoch, double level) {
    for (int s = 0; s < 3; s++) {
      double value = level + NOISE[s];
      ladder.record(p, s, epoch, false, 0, e -> value);
    }
  }

  private static String describe(List<RungLadder.Decision> decisions) {
    return String.join(", ", decisions.stream().map(RungLadderTest::describe).toList());
  }

  private static String describe(RungLadder.Decision decision) {
    String point = POINTS.get(decision.point());
    if (decision instanceof RungLadder.Promotion p) {
      return point
          + " on at "
          + p.rung()
          + (p.early() ? " early (" + p.rank() + "/" + p.there() + ")" : "");
    }
    return point + " pruned at " + decision.rung();
  }

  @Test
  void aPointGoesOnEarlyOnlyInTheTopFractionOfThePointsThereSoFar() {
    RungLadder ladder = ladder();
    arrive(ladder, 0, 2, 0.40);
    assertEquals("", describe(ladder.decide()), "alone at the rung, a point never goes on");
    arrive(ladder, 1, 2, 0.50);
    assertEquals("b on at 1 early (1/2)", describe(ladder.decide()));
    assertEquals(4, ladder.pauseAfter(1), "b trains on to the next rung");
    assertEquals(2, ladder.pauseAfter(0), "a waits at rung 1");
    arrive(ladder, 2, 2, 0.30);
    assertEquals("", describe(ladder.decide()), "a ranks 2 of 3, c 3 of 3: the top is 1");
    arrive(ladder, 3, 2, 0.45);
    assertEquals(
        "d on at 1, a pruned at 1, c pruned at 1",
        describe(ladder.decide()),
        "all four there: d in the top half, a and c shown worse than b");
    assertEquals(-1, ladder.pauseAfter(0));
    assertTrue(ladder.pruned(2));

    arrive(ladder, 1, 4, 0.60);
    assertEquals("", describe(ladder.decide()), "b waits for d at rung 2");
    arrive(ladder, 3, 4, 0.599);
    assertEquals("b on at 2, d on at 2", describe(ladder.decide()), "d is not shown worse than b");
    assertEquals(0, ladder.pauseAfter(1), "past the last rung: trains to its end");
    assertEquals(0, ladder.pauseAfter(3));
  }

  /**
   * A point that went on early is not judged again at that rung, even when the full judgement would
   * stop it: pruning decides only on points that waited, with every point there.
   */
  @Test
  void aPointThatWentOnEarlyIsNeverPrunedAtThatRung() {
    RungLadder ladder = ladder();
    arrive(ladder, 0, 2, 0.50);
    arrive(ladder, 1, 2, 0.30);
    assertEquals("a on at 1 early (1/2)", describe(ladder.decide()));
    arrive(ladder, 0, 4, 0.55);
    assertEquals(
        "",
        describe(ladder.decide()),
        "rung 2 cannot be judged while points are still below rung 1");
    arrive(ladder, 2, 2, 0.60);
    arrive(ladder, 3, 2, 0.61);
    assertEquals(
        "d on at 1, c on at 1, b pruned at 1",
        describe(ladder.decide()),
        "a ranks third and is shown worse than d, yet it went on already");
    assertEquals(4, ladder.pauseAfter(0));
  }

  @Test
  void aResumedLadderInfersFromRecordedTrialsHowFarEachPointGot() {
    RungLadder ladder = ladder();
    for (int s = 0; s < 3; s++) {
      double noise = NOISE[s];
      ladder.record(0, s, 5, false, 0, e -> 0.5 + noise); // past rung 2: went on past both
      ladder.record(1, s, 2, true, 1, e -> 0.3 + noise); // pruned at rung 1
      ladder.record(2, s, 4, false, 0, e -> 0.5 - noise); // at rung 2, waiting
    }
    ladder.record(3, 0, 1, true, 0, e -> Double.NaN); // diverged in epoch 1
    ladder.record(3, 1, 1, true, 0, e -> Double.NaN);
    ladder.record(3, 2, 1, true, 0, e -> Double.NaN);
    assertEquals(0, ladder.pauseAfter(0));
    assertEquals(-1, ladder.pauseAfter(1));
    assertEquals(
        "d pruned at 1, c on at 2",
        describe(ladder.decide()),
        "d's seeds all diverged before rung 1: it is there, with nothing to go on with");
    assertEquals(0, ladder.pauseAfter(2));
    assertTrue(ladder.needsTraining(2, 0));
  }
}
