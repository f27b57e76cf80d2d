package org.sweep4j.config;

/** What a trial is scored on after every epoch. */
public enum Validation {
  /**
   * The test set, every epoch (as the seed experiments did): simple, but model choices then see the
   * test set.
   */
  TEST,
  /**
   * A held-out part of the training batches, disjoint from the training images; the test set is
   * scored once, after the last epoch, into the trial's {@code test_loss} and {@code
   * test_accuracy}.
   */
  HOLDOUT;

  public String label() {
    return Choices.nameOf(this);
  }

  public static Validation parse(String text) {
    return Choices.parse(Validation.class, "validation", text);
  }
}
