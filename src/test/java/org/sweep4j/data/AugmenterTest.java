package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static final int SIDE = ImageSet.SIDE;

  /** One record whose pixel (c, y, x) is 1 + x + y, so every position tells where it came from. */
  private static byte[] gradient(int label) {
    byte[] record = new byte[ImageSet.RECORD_BYTES];
    record[0] = (byte) label;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          record[1 + c * SIDE * SIDE + y * SIDE + x] = (byte) (1 + x + 2 * y);
        }
      }
    }
    return record;
  }

  private static int pixel(byte[] record, int c, int y, int x) {
    return record[1 + c * SIDE * SIDE + y * SIDE + x] & 0xff;
  }

  @Test
  void shiftsFillWithBlackAndFlipsMirror() {
    byte[] record = gradient(7);
    Augmenter.shiftAndFlip(record, 0, 3, -2, false, new byte[SIDE * SIDE]);
    assertEquals(7, record[0], "the label is left alone");
    assertEquals(
        1 + (5 + 3) + 2 * (10 - 2), pixel(record, 1, 10, 5), "output (5, 10) shows input (8, 8)");
    assertEquals(0, pixel(record, 0, 0, 4), "rows shifted in from above the image are black");
    assertEquals(0, pixel(record, 2, 12, 30), "columns shifted in from the right are black");

    byte[] flipped = gradient(1);
    Augmenter.shiftAndFlip(flipped, 0, 0, 0, true, new byte[SIDE * SIDE]);
    assertEquals(pixel(gradient(1), 0, 4, 31), pixel(flipped, 0, 4, 0));
    assertEquals(pixel(gradient(1), 2, 9, 0), pixel(flipped, 2, 9, 31));
  }

  @Test
  void eachImageDrawsItsOwnShiftAndTheSeedFixesThem() {
    byte[] records = new byte[2 * ImageSet.RECORD_BYTES];
    System.arraycopy(gradient(0), 0, records, 0, ImageSet.RECORD_BYTES);
    System.arraycopy(gradient(0), 0, records, ImageSet.RECORD_BYTES, ImageSet.RECORD_BYTES);
    byte[] again = records.clone();
    byte[] other = records.clone();
    Augmenter.cropAndFlip(records, new SplittableRandom(42));
    Augmenter.cropAndFlip(again, new SplittableRandom(42));
    Augmenter.cropAndFlip(other, new SplittableRandom(43));
    assertArrayEquals(records, again);
    assertFalse(java.util.Arrays.equals(records, other));
    assertFalse(
        java.util.Arrays.equals(
            java.util.Arrays.copyOf(records, ImageSet.RECORD_BYTES),
            java.util.Arrays.copyOfRange(records, ImageSet.RECORD_BYTES, records.length)),
        "two images, two draws");
  }
}
