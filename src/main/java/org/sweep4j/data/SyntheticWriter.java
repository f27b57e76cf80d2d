package org.sweep4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code sweep4j data synth DIR}: writes the built-in synthetic set in the official layout (five
 * training batches and a test batch of 10,000 records each, in {@code DIR/cifar-10-batches-bin}),
 * so any tool that reads CIFAR-10 binaries, and sweep4j's cifar10 source, can run on it. Each file
 * is written under a hidden name and renamed, and the directory appears only when complete.
 */
public final class SyntheticWriter {
  private SyntheticWriter() {}

  /** Writes the set and returns the data directory. */
  public static Path write(Path dir) {
    Path target = dir.resolve(CifarLayout.DIRECTORY);
    if (Files.exists(target)) {
      throw new CifarFormatException(
          target + ": already exists; remove it or choose another directory");
    }
    int perFile = CifarLayout.RECORDS_PER_FILE;
    ImageSet train = SyntheticCifar.generate(5 * perFile, perFile).train();
    ImageSet test = SyntheticCifar.generate(0, perFile).test();
    Path staging = dir.resolve("." + CifarLayout.DIRECTORY + ".partial");
    try {
      Files.createDirectories(staging);
      List<String> files = CifarLayout.BATCH_FILES;
      for (int i = 0; i < 5; i++) {
        writeRecords(train.slice(i * perFile, (i + 1) * perFile), staging.resolve(files.get(i)));
      }
      writeRecords(test, staging.resolve(CifarBinaryReader.TEST_FILE));
      Files.writeString(
          staging.resolve("batches.meta.txt"),
          "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\n" + "horse\nship\ntruck\n\n");
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new CifarFormatException(dir + ": cannot write the synthetic set: " + e, e);
    }
  }

  static void writeRecords(ImageSet images, Path file) throws IOException {
    Files.write(file, images.records(0, images.size()));
  }
}
