package org.sweep4j.config;

/**
 * Which images a sweep trains and validates on.
 *
 * @param path directory or {@code cifar-10-binary.tar.gz} for {@link DataSource#CIFAR10}; null for synthetic
 * @param trainSize training images taken from the training batches (at most 50,000)
 * @param testSize images taken from the test batch for validation after every epoch (at most 10,000)
 */
public record DatasetSpec(DataSource source, String path, int trainSize, int testSize) {
  public static final int MAX_TRAIN = 50_000;
  public static final int MAX_TEST = 10_000;

  public DatasetSpec {
    if (source == null) {
      throw new IllegalArgumentException("dataset.source is missing");
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
    return new DatasetSpec(DataSource.CIFAR10, newPath, trainSize, testSize);
  }

  /** What identifies the data in a trial id: the source and sizes, not where the files happen to be. */
  public String canonical() {
    return source.label() + "(train=" + trainSize + ",test=" + testSize + ")";
  }
}
