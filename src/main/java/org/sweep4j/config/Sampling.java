package org.sweep4j.config;

/** How a job's train and test sizes pick images out of CIFAR-10's batches. */
public enum Sampling {
  /**
   * The same number of images of every class (as near as the size allows), drawn at random with the
   * job's {@code subset_seed}: a subset whose class balance is CIFAR-10's.
   */
  STRATIFIED,
  /**
   * The first images of the batches in file order (what sweep4j did before stratified subsets
   * existed).
   */
  FIRST;

  public String label() {
    return Choices.nameOf(this);
  }

  public static Sampling parse(String text) {
    return Choices.parse(Sampling.class, "sampling", text);
  }
}
