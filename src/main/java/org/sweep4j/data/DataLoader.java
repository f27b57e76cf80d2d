package org.sweep4j.data;

import java.nio.file.Path;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.Sampling;

/** Loads the images a job's dataset section asks for. */
public final class DataLoader {
  private DataLoader() {}

  public static CifarData load(DatasetSpec spec) {
    if (spec.source() == DataSource.SYNTHETIC) {
      return SyntheticCifar.generate(spec.trainSize(), spec.testSize());
    }
    Path path = Path.of(spec.path());
    if (spec.sampling() == Sampling.FIRST) {
      return CifarBinaryReader.read(path, spec.trainSize(), spec.testSize());
    }
    CifarData pool = CifarBinaryReader.read(path, DatasetSpec.MAX_TRAIN, DatasetSpec.MAX_TEST);
    // Different streams for the two splits, both fixed by the job's subset seed.
    ImageSet train = Subsets.stratified(pool.train(), spec.trainSize(), spec.subsetSeed());
    ImageSet test = Subsets.stratified(pool.test(), spec.testSize(), ~spec.subsetSeed());
    String description = "CIFAR-10 binary from " + path.toAbsolutePath().normalize() + " (stratified subsets, subset"
        + " seed " + spec.subsetSeed() + ": " + train.size() + " of " + pool.train().size() + " training images, "
        + test.size() + " of " + pool.test().size() + " test images)";
    return new CifarData(train, test, description);
  }
}
