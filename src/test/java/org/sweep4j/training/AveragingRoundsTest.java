package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.deeplearning4j.spark.impl.common.SplitPartitionsFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one-worker path fits DL4J's rounds: for every epoch, the same files in the same rounds as
 * DL4J's own {@code SplitPartitionsFunction} puts them, with the split seed drawn as its training
 * master draws it.
 */
class AveragingRoundsTest {
  @ParameterizedTest(name = "{0} files, averaging every {1}, seed {2}")
  @CsvSource({"500, 1, 1", "7, 3, 42", "10, 5, 3", "3, 5, 9", "782, 1, 2", "101, 4, 7"})
  void roundsAreThoseOfDl4jsSplitEveryEpoch(int files, int averagingFrequency, long seed)
      throws Exception {
    AveragingRounds rounds = new AveragingRounds(seed, averagingFrequency);
    Random master = new Random(seed);
    for (int epoch = 1; epoch <= 3; epoch++) {
      long splitSeed = master.nextLong();
      List<int[]> ours = rounds.nextEpoch(files);
      List<int[]> dl4j = dl4jRounds(files, averagingFrequency, splitSeed);
      assertEquals(dl4j.size(), ours.size(), "epoch " + epoch + " round count");
      for (int r = 0; r < dl4j.size(); r++) {
        assertArrayEquals(dl4j.get(r), ours.get(r), "epoch " + epoch + " round " + r);
      }
      int[] all = ours.stream().flatMapToInt(IntStream::of).sorted().toArray();
      assertArrayEquals(IntStream.range(0, files).toArray(), all, "every file once per epoch");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"1", "2"})
  void epochsFitTheFilesInNewOrders(long seed) {
    AveragingRounds rounds = new AveragingRounds(seed, 1);
    assertNotEquals(flatten(rounds.nextEpoch(50)), flatten(rounds.nextEpoch(50)));
  }

  private static List<Integer> flatten(List<int[]> rounds) {
    return rounds.stream().flatMapToInt(IntStream::of).boxed().toList();
  }

  /**
   * What DL4J 1.0.0-M2's balanced random split gives one partition (one worker) of {@code files}
   * paths.
   */
  private static List<int[]> dl4jRounds(int files, int averagingFrequency, long splitSeed)
      throws Exception {
    List<Integer> all = IntStream.range(0, files).boxed().toList();
    if (files <= averagingFrequency) {
      return List.of(all.stream().mapToInt(Integer::intValue).toArray());
    }
    int splits = files / averagingFrequency;
    List<int[]> rounds = new ArrayList<>();
    for (int split = 0; split < splits; split++) {
      Iterator<Integer> kept =
          new SplitPartitionsFunction<Integer>(split, splits, splitSeed).call(0, all.iterator());
      List<Integer> members = new ArrayList<>();
      kept.forEachRemaining(members::add);
      rounds.add(members.stream().mapToInt(Integer::intValue).toArray());
    }
    return rounds;
  }
}
