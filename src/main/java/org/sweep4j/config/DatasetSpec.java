package org.sweep4j.config;

/**
 * Which images a sweep trains and validates on.
 *
 * @param path directory or {@code cifar-10-binary.tar.gz} for {@link DataSource#CIFAR10}; null for
 *     synthetic
 * @param trainSize training images taken from the training batches (at most 50,000)
 * @param testSize images taken from the test batch for validation after every epoch (at most
 *     10,000)
 * @param sampling how the sizes pick images out of CIFAR-10 (synthetic data is generated at the
 *     size asked)
 * @param subsetSeed the seed of a stratified subset: one subset for the whole sweep, so trials
 *     compare on the same images whatever their own seeds
 * @param validation what is scored after every epoch: the test set, or a held-out part of the
 *     training batches
 * @param validationSize images held out of the training batches (0 unless validation is holdout);
 *     they are disjoint from the {@code trainSize} training images, drawn the same way (first or
 *     stratified)
 */
public record DatasetSpec(
    DataSource source,
    String path,
    int trainSize,
    int testSize,
    Sampling sampling,
    long subsetSeed,
    Validation validation,
    int validationSize) {
  public static final int MAX_TRAIN = 50_000;
  public static final int MAX_TEST = 10_000;

  /** The first {@code trainSize} and {@code testSize} images. */
  public DatasetSpec(DataSource source, String path, int trainSize, int testSize) {
    this(source, path, trainSize, testSize, Sampling.FIRST, 0, Validation.TEST, 0);
  }

  public DatasetSpec {
    if (source == null) {
      throw new IllegalArgumentException("dataset.source is missing");
    }
    if (sampling == null || validation == null) {
      throw new IllegalArgumentException("dataset.sampling and dataset.validation are required");
    }
    if (validation == Validation.TEST && validationSize != 0) {
      throw new IllegalArgumentException(
          "dataset.validation_size is only read for validation: holdout (the test"
              + " set is the validation set), found "
              + validationSize);
    }
    if (validation == Validation.HOLDOUT && validationSize < 1) {
      throw new IllegalArgumentException(
          "dataset.validation_size must be at least 1 for validation: holdout, found "
              + validationSize);
    }
    if (source == DataSource.CIFAR10 && (long) trainSize + validationSize > MAX_TRAIN) {
      throw new IllegalArgumentException(
          "dataset.train_size ("
              + trainSize
              + ") + validation_size ("
              + validationSize
              + ") must fit in CIFAR-10's "
              + MAX_TRAIN
              + " training images");
    }
    if (source == DataSource.SYNTHETIC && sampling == Sampling.STRATIFIED) {
      throw new IllegalArgumentException(
          "dataset.sampling: stratified subsets are drawn from CIFAR-10 (source"
              + " cifar10); synthetic images are generated at the size asked");
    }
    if (source == DataSource.CIFAR10 && (path == null || path.isBlank())) {
      throw new IllegalArgumentException(
          "dataset.path is missing: source cifar10 needs a directory of *.bin files or cifar-10-binary.tar.gz"
              + " (or pass --data)");
    }
    if (trainSize < 1 || trainSize > MAX_TRAIN) {
      throw new IllegalArgumentException(
          "dataset.train_size must be in [1, " + MAX_TRAIN + "], found " + trainSize);
    }
    if (testSize < 1 || testSize > MAX_TEST) {
      throw new IllegalArgumentException(
          "dataset.test_size must be in [1, " + MAX_TEST + "], found " + testSize);
    }
  }

  /**
   * What {@code val_*} measures, as the trials table records it: {@code test} or {@code
   * holdout(N)}.
   */
  public String validationLabel() {
    return validation == Validation.TEST ? "test" : "holdout(" + validationSize + ")";
  }

  /**
   * What identifies the data in a trial id: the source, sizes and sampling, not where the files
   * happen to be. First-N subsets keep the form they had before sampling was a choice, so their
   * trial ids do not change, and so does the whole of CIFAR-10, where there is nothing to sample.
   */
  public String canonical() {
    boolean whole =
        source == DataSource.CIFAR10
            && trainSize == MAX_TRAIN
            && testSize == MAX_TEST
            && validation == Validation.TEST;
    String subset =
        sampling == Sampling.FIRST || whole
            ? ""
            : ",sampling=" + sampling.label() + ",subset_seed=" + subsetSeed;
    String holdout = validation == Validation.TEST ? "" : ",validation=" + validationLabel();
    return source.label() + "(train=" + trainSize + ",test=" + testSize + subset + holdout + ")";
  }
}
