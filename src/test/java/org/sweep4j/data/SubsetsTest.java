package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubsetsTest {
  private final ImageSet pool = SyntheticCifar.images(2_000, 9);

  private static int[] classCounts(ImageSet images) {
    int[] counts = new int[ImageSet.CLASSES];
    for (byte label : images.labels()) {
      counts[label]++;
    }
    return counts;
  }

  @Test
  void quotasFollowTheClassSharesAndAddUp() {
    assertArrayEquals(
        new int[] {4, 3, 3},
        Subsets.quotas(new int[] {10, 10, 10}, 30, 10),
        "10 / 3 each: the remainders tie, the lowest class gets the extra image");
    assertArrayEquals(
        new int[] {1, 0, 9},
        Subsets.quotas(new int[] {5, 5, 90}, 100, 10),
        "0.5, 0.5, 9: one image left over, for the first of the tied remainders");
  }

  @Test
  void keepsTheClassBalanceOfThePool() {
    ImageSet subset = Subsets.stratified(pool, 300, 1);
    assertEquals(300, subset.size());
    int[] poolCounts = classCounts(pool);
    int[] counts = classCounts(subset);
    for (int c = 0; c < ImageSet.CLASSES; c++) {
      double expected = 300.0 * poolCounts[c] / pool.size();
      assertTrue(
          Math.abs(counts[c] - expected) < 1, "class " + c + ": " + counts[c] + " vs " + expected);
    }
  }

  @Test
  void theSeedDecidesTheDrawAndOnlyTheSeed() {
    ImageSet a = Subsets.stratified(pool, 300, 1);
    assertArrayEquals(
        a.pixels(), Subsets.stratified(pool, 300, 1).pixels(), "same seed, same images");
    assertFalse(java.util.Arrays.equals(a.pixels(), Subsets.stratified(pool, 300, 2).pixels()));
    assertArrayEquals(
        classCounts(a), classCounts(Subsets.stratified(pool, 300, 2)), "but the same balance");
    assertEquals(pool, Subsets.stratified(pool, pool.size(), 5), "the whole pool is the pool");
  }
}
