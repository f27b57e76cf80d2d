package org.sweep4j.data;

/**
 * Images in CIFAR-10's own encoding: one label byte (0-9) per image and 3,072 pixel bytes per image
 * (1,024 red, 1,024 green, 1,024 blue, rows top to bottom), which is already DL4J's NCHW order. The
 * arrays are shared, not copied: treat them as read-only.
 */
public record ImageSet(byte[] labels, byte[] pixels) {
  public static final int CLASSES = 10;
  public static final int CHANNELS = 3;
  public static final int SIDE = 32;
  public static final int PIXELS = CHANNELS * SIDE * SIDE;

  /** Bytes of one record in the official binary files: the label, then the pixels. */
  public static final int RECORD_BYTES = 1 + PIXELS;

  public ImageSet {
    if ((long) labels.length * PIXELS != pixels.length) {
      throw new IllegalArgumentException(
          labels.length
              + " labels need "
              + (long) labels.length * PIXELS
              + " pixel bytes, found "
              + pixels.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= CLASSES) {
        throw new IllegalArgumentException(
            "image " + i + " has label " + labels[i] + ", outside 0-9");
      }
    }
  }

  public int size() {
    return labels.length;
  }

  /** The first {@code count} images (all of them when {@code count} is larger). */
  public ImageSet head(int count) {
    int n = Math.min(count, size());
    if (n == size()) {
      return this;
    }
    byte[] headLabels = java.util.Arrays.copyOf(labels, n);
    byte[] headPixels = java.util.Arrays.copyOf(pixels, n * PIXELS);
    return new ImageSet(headLabels, headPixels);
  }

  /** The images at {@code indices}, in that order, copied. */
  public ImageSet select(int[] indices) {
    byte[] chosenLabels = new byte[indices.length];
    byte[] chosenPixels = new byte[indices.length * PIXELS];
    for (int k = 0; k < indices.length; k++) {
      chosenLabels[k] = labels[indices[k]];
      System.arraycopy(pixels, indices[k] * PIXELS, chosenPixels, k * PIXELS, PIXELS);
    }
    return new ImageSet(chosenLabels, chosenPixels);
  }

  /** Images {@code from} (inclusive) to {@code to} (exclusive), copied. */
  public ImageSet slice(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IllegalArgumentException(
          "slice [" + from + ", " + to + ") of " + size() + " images");
    }
    return new ImageSet(
        java.util.Arrays.copyOfRange(labels, from, to),
        java.util.Arrays.copyOfRange(pixels, from * PIXELS, to * PIXELS));
  }

  /** Images {@code from} (inclusive) to {@code to} (exclusive) as official binary records. */
  public byte[] records(int from, int to) {
    byte[] out = new byte[(to - from) * RECORD_BYTES];
    for (int i = from; i < to; i++) {
      int at = (i - from) * RECORD_BYTES;
      out[at] = labels[i];
      System.arraycopy(pixels, i * PIXELS, out, at + 1, PIXELS);
    }
    return out;
  }
}
