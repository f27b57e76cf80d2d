package org.sweep4j.config;

/**
 * Reads a job file's {@code dataset} section: where the images come from, how many, how they are
 * picked, and what validation measures.
 */
final class DatasetParser {
  /** Images the built-in synthetic set makes unless the job says otherwise. */
  static final int SYNTHETIC_TRAIN_SIZE = 5_000;

  static final int SYNTHETIC_TEST_SIZE = 1_000;

  /** Held-out validation images: a tenth of the training images, at most this many. */
  static final int MAX_DEFAULT_VALIDATION_SIZE = 5_000;

  private DatasetParser() {}

  /**
   * @param dataPath where {@code --data} says the images are, or null: it stands for {@code
   *     dataset.path} and makes the source cifar10
   */
  static DatasetSpec parse(YamlSection section, String dataPath) {
    String path = dataPath != null ? dataPath : section.string("path", null);
    DataSource source =
        section.has("source") && dataPath == null
            ? JobFileParser.choice(
                section, "source", () -> DataSource.parse(section.string("source", null)))
            : (path == null ? DataSource.SYNTHETIC : DataSource.CIFAR10);
    boolean real = source == DataSource.CIFAR10;
    int train = section.integer("train_size", real ? DatasetSpec.MAX_TRAIN : SYNTHETIC_TRAIN_SIZE);
    int test = section.integer("test_size", real ? DatasetSpec.MAX_TEST : SYNTHETIC_TEST_SIZE);
    if (!real && path != null) {
      throw section.error("path", "is only read for source cifar10, found source synthetic");
    }
    Sampling sampling = sampling(section, real);
    long subsetSeed = section.integer("subset_seed", 1);
    Validation validation =
        section.has("validation")
            ? JobFileParser.choice(
                section, "validation", () -> Validation.parse(section.string("validation", null)))
            : Validation.TEST;
    int validationSize = validationSize(section, validation, train);
    return JobFileParser.build(
        section,
        () ->
            new DatasetSpec(
                source, path, train, test, sampling, subsetSeed, validation, validationSize));
  }

  private static Sampling sampling(YamlSection section, boolean real) {
    Sampling sampling =
        section.has("sampling")
            ? JobFileParser.choice(
                section, "sampling", () -> Sampling.parse(section.string("sampling", null)))
            : (real ? Sampling.STRATIFIED : Sampling.FIRST);
    if (!real && sampling == Sampling.STRATIFIED) {
      throw section.error(
          "sampling",
          "stratified subsets are drawn from CIFAR-10 (source cifar10); synthetic"
              + " images are generated at the size asked");
    }
    return sampling;
  }

  private static int validationSize(YamlSection section, Validation validation, int train) {
    if (validation == Validation.TEST) {
      if (section.has("validation_size")) {
        throw section.error(
            "validation_size",
            "is only read for validation: holdout (the test set is the validation set)");
      }
      return 0;
    }
    return section.integer(
        "validation_size", Math.min(MAX_DEFAULT_VALIDATION_SIZE, Math.max(1, train / 10)));
  }
}
