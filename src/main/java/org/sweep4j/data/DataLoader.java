package org.sweep4j.data;

import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.Sampling;
import org.sweep4j.config.Validation;

/**
 * Loads the images a job's dataset section asks for: training images, a validation set (the test
 * set, or images held out of the training batches, disjoint from the training images) and the test
 * set.
 */
public final class DataLoader {
  private DataLoader() {}

  public static CifarData load(DatasetSpec spec) {
    boolean holdout = spec.validation() == Validation.HOLDOUT;
    int trainPool = spec.trainSize() + spec.validationSize();
    if (spec.source() == DataSource.SYNTHETIC) {
      CifarData data = SyntheticCifar.generate(trainPool, spec.testSize());
      return holdout ? split(data, spec) : data;
    }
    String path = spec.path();
    if (spec.sampling() == Sampling.FIRST) {
      CifarData data = CifarBinaryReader.read(path, trainPool, spec.testSize());
      return holdout ? split(data, spec) : data;
    }
    CifarData pool = CifarBinaryReader.read(path, DatasetSpec.MAX_TRAIN, DatasetSpec.MAX_TEST);
    // Different streams for the two splits, both fixed by the job's subset seed.
    ImageSet[] trainAndHeldOut =
        Subsets.split(pool.train(), spec.trainSize(), spec.validationSize(), spec.subsetSeed());
    ImageSet test = Subsets.stratified(pool.test(), spec.testSize(), ~spec.subsetSeed());
    String description =
        "CIFAR-10 binary from "
            + CifarBinaryReader.describeLocation(path)
            + " (stratified subsets, subset seed "
            + spec.subsetSeed()
            + ": "
            + trainAndHeldOut[0].size()
            + " of "
            + pool.train().size()
            + " training images, "
            + test.size()
            + " of "
            + pool.test().size()
            + " test images"
            + (holdout
                ? "; "
                    + spec.validationSize()
                    + " more training-batch images held out for validation"
                : "")
            + ")";
    ImageSet validation = holdout ? trainAndHeldOut[1] : test;
    return new CifarData(trainAndHeldOut[0], validation, test, description);
  }

  /** The first trainSize images of {@code data}'s training set train; the rest are held out. */
  private static CifarData split(CifarData data, DatasetSpec spec) {
    String description =
        data.description().replaceAll("\\)$", "")
            + "; of those training images the first "
            + spec.trainSize()
            + " train and the next "
            + spec.validationSize()
            + " are held out for validation)";
    return new CifarData(
        data.train().head(spec.trainSize()),
        data.train().slice(spec.trainSize(), data.train().size()),
        data.test(),
        description);
  }
}
