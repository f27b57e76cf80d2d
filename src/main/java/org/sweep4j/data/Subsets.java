package org.sweep4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified, seeded subsets: every class gets its share of the subset (its share of the pool, rounded by
 * largest remainder so the sizes add up exactly), the images of a class are drawn at random with the seed,
 * and the chosen images keep their order in the pool.
 */
public final class Subsets {
  private Subsets() {}

  public static ImageSet stratified(ImageSet pool, int size, long seed) {
    if (size > pool.size()) {
      throw new IllegalArgumentException("a subset of " + size + " from " + pool.size() + " images");
    }
    if (size == pool.size()) {
      return pool;
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < ImageSet.CLASSES; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < pool.size(); i++) {
      byClass.get(pool.labels()[i]).add(i);
    }
    int[] quota = quotas(byClass.stream().mapToInt(List::size).toArray(), pool.size(), size);
    SplittableRandom random = new SplittableRandom(seed);
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
    return pool.select(chosen);
  }

  /** Each class's share of {@code size}, proportional to its count, rounded by largest remainder. */
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
    Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -remainder[c]).thenComparingInt(c -> c));
    for (int k = 0; assigned < size; k++) {
      quota[order[k % counts.length]]++;
      assigned++;
    }
    return quota;
  }
}
