package org.sweep4j.data;

import java.nio.file.Path;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;

/** Loads the images a job's dataset section asks for. */
public final class DataLoader {
  private DataLoader() {}

  public static CifarData load(DatasetSpec spec) {
    if (spec.source() == DataSource.SYNTHETIC) {
      return SyntheticCifar.generate(spec.trainSize(), spec.testSize());
    }
    return CifarBinaryReader.read(Path.of(spec.path()), spec.trainSize(), spec.testSize());
  }
}
