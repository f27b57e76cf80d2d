package org.sweep4j.config;

/** Where the images come from. */
public enum DataSource {
  /** The built-in deterministic data set of CIFAR-10's shape; needs no download. */
  SYNTHETIC,
  /**
   * CIFAR-10 in the official binary layout: a directory of {@code *.bin} files or {@code
   * cifar-10-binary.tar.gz}.
   */
  CIFAR10;

  public String label() {
    return Choices.nameOf(this);
  }

  public static DataSource parse(String text) {
    return Choices.parse(DataSource.class, "dataset source", text);
  }
}
