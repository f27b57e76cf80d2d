package org.sweep4j.config;

/** The networks a grid can name; each is built by a class in {@code org.sweep4j.model}. */
public enum Architecture {
  /** Conv 32, pool, Conv 64, pool, Dense 10: the SELU-vs-ReLU experiment's network (42,442 parameters). */
  SMALL_CNN,
  /** Two conv blocks of two layers with dropout, Dense 512, Dense 10 (1,250,858 parameters). */
  DEEP_CNN;

  public String label() {
    return Choices.nameOf(this);
  }

  public static Architecture parse(String text) {
    return Choices.parse(Architecture.class, "architecture", text);
  }
}
