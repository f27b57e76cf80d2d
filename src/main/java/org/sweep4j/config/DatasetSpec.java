package org.sweep4j.config;

/**
 * Which images a sweep trains and validates on.
 *
 * @param path directory or {@code cifar-10-binary.tar.gz} for {@link DataSource#CIFAR10}; null for synthetic
 * @param trainSize training images taken from the training batches (at most 50,000)
 * @param testSize images taken from the test batch for validation after every epoch (at most 10,000)
 * @param sampling how the sizes pick images out of CIFAR-10 (synthetic data is generated at the size asked)
 * @param subsetSeed the seed of a stratified subset: one subset for the whole sweep, so trials compare on the
 *     same images whatever their own seeds
 */
public record DatasetSpec(DataSource source, String path, int trainSize, int testSize, Sampling sampling,
    long subsetSeed) {
  public static final int MAX_TRAIN = 50_000;
  public static final int MAX_TEST = 10_000;

  /** The first {@code trainSize} and {@code testSize} images. */
  public DatasetSpec(DataSource source, String path, int trainSize, int testSize) {
    this(source, path, trainSize, testSize, Sampling.FIRST, 0);
  }

  public DatasetSpec {
    if (source == null) {
      throw new IllegalArgumentException("dataset.source is missing");
    }
    if (sampling == null) {
      throw new IllegalArgumentException("dataset.sampling is missing");
    }
    if (source == DataSource.SYNTHETIC && sampling == Sampling.STRATIFIED) {
      throw new IllegalArgumentException("dataset.sampling: stratified subsets are drawn from CIFAR-10 (source"
          + " cifar10); synthetic images are generated at the size asked");
    }
    if (source == DataSource.CIFAR10 && (path == null || path.isBlank())) {
      throw new IllegalArgumentException(
          "dataset.path is missing: source cifar10 needs a directory of *.bin files or cifar-10-binary.tar.gz"
              + " (or pass --data)");
    }
    if (trainSize < 1 || trainSize > MAX_TRAIN) {
      throw new IllegalArgumentException("dataset.train_size must be in [1, " + MAX_TRAIN + "], found " + trainSize);
    }
    if (testSize < 1 || testSize > MAX_TEST) {
      throw new IllegalArgumentException("dataset.test_size must be in [1, " + MAX_TEST + "], found " + testSize);
    }
  }

  /** The same data set read from another place (the {@code --data} option); the source becomes cifar10. */
  public DatasetSpec withPath(String newPath) {
    return new DatasetSpec(DataSource.CIFAR10, newPath, trainSize, testSize, sampling, subsetSeed);
  }

  /**
   * What identifies the data in a trial id: the source, sizes and sampling, not where the files happen to be.
   * First-N subsets keep the form they had before sampling was a choice, so their trial ids do not change, and
   * so does the whole of CIFAR-10, where there is nothing to sample.
   */
  public String canonical() {
    boolean whole = source == DataSource.CIFAR10 && trainSize == MAX_TRAIN && testSize == MAX_TEST;
    String subset = sampling == Sampling.FIRST || whole ? "" : ",sampling=" + sampling.label() + ",subset_seed=" + subsetSeed;
    return source.label() + "(train=" + trainSize + ",test=" + testSize + subset + ")";
  }
}
