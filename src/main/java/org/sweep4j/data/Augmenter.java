package org.sweep4j.data;

import java.util.SplittableRandom;

/**
 * Random crop with padding and horizontal flip, applied to official-layout records in place (before
 * the pixels are scaled): every image gets its own shift and flip from the random stream it is
 * given.
 */
public final class Augmenter {
  /**
   * Padding of the random crop: shifts of up to this many pixels each way, uncovered pixels black.
   */
  public static final int PAD = 4;

  private Augmenter() {}

  public static void cropAndFlip(byte[] records, SplittableRandom random) {
    byte[] plane = new byte[ImageSet.SIDE * ImageSet.SIDE];
    for (int at = 0; at + ImageSet.RECORD_BYTES <= records.length; at += ImageSet.RECORD_BYTES) {
      int dx = random.nextInt(-PAD, PAD + 1);
      int dy = random.nextInt(-PAD, PAD + 1);
      shiftAndFlip(records, at, dx, dy, random.nextBoolean(), plane);
    }
  }

  /**
   * Moves the record at {@code at}: output (x, y) shows input (x + dx, y + dy), mirrored first when
   * flipped.
   */
  static void shiftAndFlip(byte[] records, int at, int dx, int dy, boolean flip, byte[] plane) {
    int side = ImageSet.SIDE;
    for (int c = 0; c < ImageSet.CHANNELS; c++) {
      int base = at + 1 + c * side * side;
      System.arraycopy(records, base, plane, 0, plane.length);
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          int sourceX = (flip ? side - 1 - x : x) + dx;
          int sourceY = y + dy;
          boolean inside = sourceX >= 0 && sourceX < side && sourceY >= 0 && sourceY < side;
          records[base + y * side + x] = inside ? plane[sourceY * side + sourceX] : 0;
        }
      }
    }
  }
}
