package org.sweep4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified, seeded subsets: every class gets its share of the subset (its share of the pool,
 * rounded by largest remainder so the sizes add up exactly), the images of a class are drawn at
 * random with the seed, and the chosen images keep their order in the pool.
 */
public final class Subsets {
  private Subsets() {}

  public static ImageSet stratified(ImageSet pool, int size, long seed) {
    return split(pool, size, 0, seed)[0];
  }

  /**
   * Two disjoint stratified draws from {@code pool}: {@code first} images, then {@code second} more
   * from the images the first draw left (the training set and its held-out validation set).
   */
  public static ImageSet[] split(ImageSet pool, int first, int second, long seed) {
    if (first + second > pool.size()) {
      throw new IllegalArgumentException(
          "subsets of " + first + " and " + second + " from " + pool.size() + " images");
    }
    if (second == 0 && first == pool.size()) {
      return new ImageSet[] {pool, pool.head(0)};
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] all = java.util.stream.IntStream.range(0, pool.size()).toArray();
    int[] firstDraw = draw(pool.labels(), all, first, random);
    boolean[] taken = new boolean[pool.size()];
    for (int i : firstDraw) {
      taken[i] = true;
    }
    int[] rest = java.util.stream.IntStream.range(0, pool.size()).filter(i -> !taken[i]).toArray();
    int[] secondDraw = draw(pool.labels(), rest, second, random);
    return new ImageSet[] {pool.select(firstDraw), pool.select(secondDraw)};
  }

  /**
   * {@code size} of the {@code candidates} (indices into labels), stratified, in ascending index
   * order.
   */
  private static int[] draw(byte[] labels, int[] candidates, int size, SplittableRandom random) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < ImageSet.CLASSES; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i : candidates) {
      byClass.get(labels[i]).add(i);
    }
    int[] quota = quotas(byClass.stream().mapToInt(List::size).toArray(), candidates.length, size);
    int[] chosen = new int[size];
    int at = 0;
    for (int c = 0; c < ImageSet.CLASSES; c++) {
      List<Integer> members = byClass.get(c);
      // A partial Fisher-Yates shuffle: the first quota[c] positions end up a uniform random draw.
      for (int k = 0; k < quota[c]; k++) {
        int j = k + random.nextInt(members.size() - k);
        Integer swap = members.get(k);
        members.set(k, members.get(j));
        members.set(j, swap);
        chosen[at++] = members.get(k);
      }
    }
    Arrays.sort(chosen);
    return chosen;
  }

  /**
   * Each class's share of {@code size}, proportional to its count, rounded by largest remainder.
   */
  static int[] quotas(int[] counts, int total, int size) {
    int[] quota = new int[counts.length];
    double[] remainder = new double[counts.length];
    int assigned = 0;
    for (int c = 0; c < counts.length; c++) {
      double exact = (double) size * counts[c] / total;
      quota[c] = (int) Math.floor(exact);
      remainder[c] = exact - quota[c];
      assigned += quota[c];
    }
    Integer[] order = new Integer[counts.length];
    for (int c = 0; c < counts.length; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order, Comparator.comparingDouble((Integer c) -> -remainder[c]).thenComparingInt(c -> c));
    for (int k = 0; assigned < size; k++) {
      quota[order[k % counts.length]]++;
      assigned++;
    }
    return quota;
  }
}
