package org.sweep4j.config;

/**
 * What is done to training images each time a minibatch is loaded (never to validation or test
 * images).
 */
public enum Augmentation {
  NONE,
  /**
   * The standard CIFAR-10 augmentation: pad by 4 black pixels, crop a random 32×32 window (a shift
   * of up to 4 pixels each way), and flip horizontally with probability 1/2.
   */
  CROP_FLIP;

  public String label() {
    return Choices.nameOf(this);
  }

  public static Augmentation parse(String text) {
    return Choices.parse(Augmentation.class, "augmentation", text);
  }
}
