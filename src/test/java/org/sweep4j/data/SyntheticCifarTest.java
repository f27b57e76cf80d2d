package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticCifarTest {
  @Test
  void isDeterministicAndPrefixStable() {
    ImageSet a = SyntheticCifar.images(50, 7);
    ImageSet b = SyntheticCifar.images(80, 7);
    assertArrayEquals(a.pixels(), b.head(50).pixels());
    assertArrayEquals(a.labels(), b.head(50).labels());
  }

  @Test
  void splitsDifferAndEveryClassAppears() {
    CifarData data = SyntheticCifar.generate(2000, 200);
    assertFalse(Arrays.equals(data.train().head(200).pixels(), data.test().pixels()));
    int[] counts = new int[ImageSet.CLASSES];
    for (byte label : data.train().labels()) {
      counts[label]++;
    }
    for (int c = 0; c < ImageSet.CLASSES; c++) {
      assertTrue(
          counts[c] > 150 && counts[c] < 250,
          "class " + c + " has " + counts[c] + " of 2000 images");
    }
  }

  @Test
  void pixelsUseTheWholeRangeLikePhotos() {
    ImageSet images = SyntheticCifar.images(100, 3);
    int min = 255;
    int max = 0;
    double sum = 0;
    for (byte p : images.pixels()) {
      min = Math.min(min, p & 0xff);
      max = Math.max(max, p & 0xff);
      sum += p & 0xff;
    }
    double mean = sum / images.pixels().length;
    assertTrue(min == 0 && max == 255, "range " + min + ".." + max);
    assertTrue(mean > 90 && mean < 165, "mean " + mean);
  }
}
