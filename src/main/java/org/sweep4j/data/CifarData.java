package org.sweep4j.data;

/**
 * The images of a run: training, validation (scored after every epoch: the test set itself, or
 * images held out of the training batches) and test, and a sentence saying where they came from
 * (printed by every run and stored with every trial).
 */
public record CifarData(ImageSet train, ImageSet validation, ImageSet test, String description) {
  /** Training and test images, the test set doubling as the validation set. */
  public CifarData(ImageSet train, ImageSet test, String description) {
    this(train, test, test, description);
  }

  /** Whether validation is a held-out part of the training batches rather than the test set. */
  public boolean holdsOut() {
    return validation != test;
  }
}
