package org.sweep4j.data;

import java.util.SplittableRandom;

/**
 * A deterministic stand-in for CIFAR-10 with the same shape, so a sweep runs with no download. Each
 * class is an oriented colour grating (class-specific angle, frequency and tint) at a random phase,
 * contrast and brightness, buried in pixel noise and a random distracting blob; 10% of labels are
 * replaced by random ones. A small CNN learns it in a few epochs, but not perfectly and not in one
 * step.
 */
public final class SyntheticCifar {
  /** Seeds of the two splits: different, so test images are never copies of training images. */
  private static final long TRAIN_SEED = 0x5EED_7A1AL;

  private static final long TEST_SEED = 0x5EED_7E57L;
  private static final double LABEL_NOISE = 0.10;
  private static final double PIXEL_NOISE = 38.0;

  private SyntheticCifar() {}

  public static CifarData generate(int trainSize, int testSize) {
    return new CifarData(
        images(trainSize, TRAIN_SEED),
        images(testSize, TEST_SEED),
        "synthetic CIFAR-10-shaped set (built in, deterministic; "
            + trainSize
            + " training and "
            + testSize
            + " test images)");
  }

  /** {@code count} images; image i depends only on (seed, i), so any prefix is stable. */
  public static ImageSet images(int count, long seed) {
    byte[] labels = new byte[count];
    byte[] pixels = new byte[count * ImageSet.PIXELS];
    for (int i = 0; i < count; i++) {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
      int label = random.nextInt(ImageSet.CLASSES);
      drawImage(label, random, pixels, i * ImageSet.PIXELS);
      labels[i] =
          (byte) (random.nextDouble() < LABEL_NOISE ? random.nextInt(ImageSet.CLASSES) : label);
    }
    return new ImageSet(labels, pixels);
  }

  private static void drawImage(int label, SplittableRandom random, byte[] out, int offset) {
    double angle = Math.PI * label / ImageSet.CLASSES + random.nextDouble(-0.12, 0.12);
    double frequency = 0.45 + 0.18 * (label % 3) + random.nextDouble(-0.04, 0.04);
    double[] tint = {
      0.6 + 0.4 * ((label >> 0) & 1), 0.6 + 0.4 * ((label >> 1) & 1), 0.6 + 0.4 * ((label >> 2) & 1)
    };
    double phase = random.nextDouble(0, 2 * Math.PI);
    double contrast = random.nextDouble(35, 80);
    double brightness = random.nextDouble(90, 165);
    double blobX = random.nextDouble(0, ImageSet.SIDE);
    double blobY = random.nextDouble(0, ImageSet.SIDE);
    double blobLevel = random.nextDouble(-90, 90);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    for (int y = 0; y < ImageSet.SIDE; y++) {
      for (int x = 0; x < ImageSet.SIDE; x++) {
        double wave = Math.sin(frequency * (x * cos + y * sin) + phase);
        double blob =
            Math.exp(-((x - blobX) * (x - blobX) + (y - blobY) * (y - blobY)) / 18.0) * blobLevel;
        for (int c = 0; c < ImageSet.CHANNELS; c++) {
          double value =
              brightness + contrast * tint[c] * wave + blob + random.nextGaussian() * PIXEL_NOISE;
          out[offset + c * ImageSet.SIDE * ImageSet.SIDE + y * ImageSet.SIDE + x] =
              (byte) Math.max(0, Math.min(255, Math.round(value)));
        }
      }
    }
  }
}
