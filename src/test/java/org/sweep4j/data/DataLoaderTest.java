package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.Sampling;
import org.sweep4j.config.Validation;

/**
 * Subsets and validation splits read from a full data set in the official layout (the synthetic
 * one).
 */
class DataLoaderTest {
  @TempDir static Path dir;
  static String data;

  @BeforeAll
  static void writeSet() {
    data = SyntheticWriter.write(dir).toString();
  }

  private static Set<ByteBuffer> images(ImageSet set) {
    Set<ByteBuffer> images = new HashSet<>();
    for (int i = 0; i < set.size(); i++) {
      images.add(ByteBuffer.wrap(set.records(i, i + 1)));
    }
    return images;
  }

  @Test
  void stratifiedSubsetsOfBothSplits() {
    CifarData subset =
        DataLoader.load(
            new DatasetSpec(
                DataSource.CIFAR10, data, 1_000, 500, Sampling.STRATIFIED, 3, Validation.TEST, 0));
    assertEquals(1_000, subset.train().size());
    assertEquals(500, subset.test().size());
    assertSame(subset.test(), subset.validation(), "validation on the test set");
    assertTrue(
        subset
            .description()
            .contains("stratified subsets, subset seed 3: 1000 of 50000 training images"),
        subset.description());
  }

  @Test
  void aStratifiedHoldoutIsDisjointFromTrainingAndBalanced() {
    CifarData split =
        DataLoader.load(
            new DatasetSpec(
                DataSource.CIFAR10,
                data,
                2_000,
                300,
                Sampling.STRATIFIED,
                1,
                Validation.HOLDOUT,
                700));
    assertTrue(split.holdsOut());
    assertEquals(700, split.validation().size());
    assertEquals(300, split.test().size());
    Set<ByteBuffer> train = images(split.train());
    assertTrue(
        images(split.validation()).stream().noneMatch(train::contains),
        "no validation image is trained on");
    int[] counts = new int[ImageSet.CLASSES];
    for (byte label : split.validation().labels()) {
      counts[label]++;
    }
    for (int count : counts) {
      assertTrue(
          Math.abs(count - 70) <= 8,
          "validation classes near 70 each: " + java.util.Arrays.toString(counts));
    }
  }

  @Test
  void aFirstNHoldoutIsTheImagesAfterTheTrainingOnes() {
    CifarData split =
        DataLoader.load(
            new DatasetSpec(
                DataSource.CIFAR10, data, 100, 50, Sampling.FIRST, 0, Validation.HOLDOUT, 40));
    CifarData pool = CifarBinaryReader.read(Path.of(data), 140, 50);
    assertEquals(images(pool.train().slice(100, 140)), images(split.validation()));
    assertEquals(images(pool.train().head(100)), images(split.train()));
    assertTrue(
        split
            .description()
            .endsWith("the first 100 train and the next 40 are held out for validation)"),
        split.description());
  }
}
