package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference values from SciPy 1.17: {@code scipy.stats.ttest_ind(a, b, equal_var=False)} with its
 * {@code confidence_interval(0.95)}, and {@code scipy.stats.t.ppf(0.975, df)}; Holm's adjustment by
 * hand.
 */
class StatsTest {
  @Test
  void studentIntervalOfTheMean() {
    // mean 0.6, sd 0.1, n 3: t.ppf(0.975, 2) = 4.302653.
    List<Double> values = List.of(0.5, 0.6, 0.7);
    assertEquals(4.302653 * 0.1 / Math.sqrt(3), Stats.halfWidth(values), 1e-6);
    assertTrue(Double.isNaN(Stats.halfWidth(List.of(0.5))), "one seed has no interval");
  }

  @Test
  void welchTestMatchesR() {
    // ttest_ind([0.70, 0.71, 0.69, 0.72], [0.64, 0.66, 0.65], equal_var=False):
    //   df = 4.959184, p = 0.00147330, 95% CI (0.0326829, 0.0773171) around a difference of 0.055
    Stats.Welch welch = Stats.welch(List.of(0.70, 0.71, 0.69, 0.72), List.of(0.64, 0.66, 0.65));
    assertEquals(0.055, welch.difference(), 1e-12);
    assertEquals(0.00147330, welch.p(), 1e-7);
    assertEquals(0.0326829, welch.low(), 1e-6);
    assertEquals(0.0773171, welch.high(), 1e-6);
  }

  /**
   * The Mish paper's CIFAR-10 SqueezeNet table (23 runs per activation, mean ± sd): Mish 87.48 ±
   * 0.397, ReLU 86.66 ± 0.584, SELU 83.91 ± 0.600, each reported p < 0.0001 against Mish. Welch
   * from those summaries, against scipy.stats.ttest_ind_from_stats(..., equal_var=False).
   */
  @Test
  void reproducesTheMishPapersTestsFromTheirSummaryStatistics() {
    Stats.Welch relu = Stats.welch(87.48, 0.397, 23, 86.66, 0.584, 23);
    assertEquals(5.568950103748419, relu.difference() / relu.se(), 1e-9);
    assertEquals(2.0936687262979276e-06, relu.p(), 1e-12);
    Stats.Welch selu = Stats.welch(87.48, 0.397, 23, 83.91, 0.600, 23);
    assertEquals(23.797493922450762, selu.difference() / selu.se(), 1e-9);
    assertEquals(true, selu.p() < 1e-4);
  }

  /**
   * Seeds per side to decide at δ: the smallest n meeting both power conditions, checked against
   * the same conditions in SciPy; SciPy's noncentral t gives 83% power to detect δ at n = 18.
   */
  @Test
  void seedsToDecideMeetsBothPowerConditions() {
    assertEquals(6, Stats.seedsToDecide(0.005, 0.005, 0.01, 0.05, 0.8, 100));
    assertEquals(18, Stats.seedsToDecide(0.01, 0.01, 0.01, 0.05, 0.8, 100));
    assertEquals(30, Stats.seedsToDecide(0.01, 0.012, 0.01, 0.05 / 3, 0.8, 100));
    assertEquals(-1, Stats.seedsToDecide(0.1, 0.1, 0.01, 0.05, 0.8, 100));
  }

  @Test
  void holmStepsDownAndKeepsOrder() {
    // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.06.
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06, 0.02},
        Stats.holm(new double[] {0.01, 0.04, 0.03, 0.005}),
        1e-12);
    double[] withUntestable = Stats.holm(new double[] {0.5, Double.NaN, 0.02});
    assertEquals(0.5, withUntestable[0], 1e-12);
    assertTrue(Double.isNaN(withUntestable[1]));
    assertEquals(0.04, withUntestable[2], 1e-12);
  }
}
