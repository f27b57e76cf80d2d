package org.sweep4j.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which DL4J's parameter averaging (1.0.0-M2) feeds one worker its minibatch files,
 * epoch after epoch, so that a one-worker trial trained inside one Spark task fits exactly the
 * minibatches, in exactly the order, that {@code ParameterAveragingTrainingMaster.fitPaths} would
 * have given it.
 *
 * <p>DL4J draws one seed per {@code fitPaths} call from a {@code Random(rngSeed)} it keeps for the
 * life of the training master, then cuts the files into {@code files / averagingFrequency} rounds
 * (one round when there are no more files than that): walking the files in order, each block of as
 * many files as there are rounds goes out to the rounds in a fresh random order drawn from {@code
 * Random(seed + partition)} (its {@code SplitPartitionsFunction}, partition 0 for one worker). A
 * round keeps its files in file order. Rounds therefore hold {@code averagingFrequency} files, or
 * one more where the count does not divide (DL4J's worker then fits only the first {@code
 * averagingFrequency}: see {@link EpochTask}).
 */
final class AveragingRounds {
  private final Random master;
  private final int averagingFrequency;

  /**
   * @param seed the training master's {@code rngSeed} (the trial's seed)
   */
  AveragingRounds(long seed, int averagingFrequency) {
    if (averagingFrequency < 1) {
      throw new IllegalArgumentException(
          "averaging frequency must be at least 1, found " + averagingFrequency);
    }
    this.master = new Random(seed);
    this.averagingFrequency = averagingFrequency;
  }

  /**
   * The next epoch's rounds over files {@code 0 .. files - 1}: each round lists file indices in
   * fitting order.
   */
  List<int[]> nextEpoch(int files) {
    long splitSeed = master.nextLong();
    if (files <= averagingFrequency) {
      int[] all = new int[files];
      for (int i = 0; i < files; i++) {
        all[i] = i;
      }
      return List.of(all);
    }
    int rounds = files / averagingFrequency;
    Random random = new Random(splitSeed);
    List<Integer> order = new ArrayList<>(rounds);
    for (int r = 0; r < rounds; r++) {
      order.add(r);
    }
    List<List<Integer>> members = new ArrayList<>(rounds);
    for (int r = 0; r < rounds; r++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < files; i++) {
      if (i % rounds == 0) {
        Collections.shuffle(order, random);
      }
      members.get(order.get(i % rounds)).add(i);
    }
    return members.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toList();
  }
}
