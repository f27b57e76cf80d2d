package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad data set the issue lists, each with the message that names the file and the
 * fault.
 */
class DatasetVerifierTest {
  @TempDir Path dir;

  private void writeBatches(int perFile) throws IOException {
    for (Map.Entry<String, byte[]> file : TestArchives.batches(perFile).entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
  }

  private String failure(Path path) {
    return assertThrows(CifarFormatException.class, () -> DatasetVerifier.verify(path, false))
        .getMessage();
  }

  @Test
  void summarisesAGoodSetWithItsClassBalance() {
    Path written = SyntheticWriter.write(dir);
    List<DatasetVerifier.FileSummary> files = DatasetVerifier.verify(written);
    assertEquals(
        CifarLayout.BATCH_FILES, files.stream().map(DatasetVerifier.FileSummary::file).toList());
    files.forEach(f -> assertEquals(10_000, f.records()));
    String summary = DatasetVerifier.format(written, files);
    assertTrue(summary.contains("training (1-5)      50,000 records"), summary);
    assertTrue(summary.contains("(balanced)"), summary);
    CifarData read = CifarBinaryReader.read(written, 20_000, 10_000);
    assertEquals(20_000, read.train().size());
    CifarFormatException again =
        assertThrows(CifarFormatException.class, () -> SyntheticWriter.write(dir));
    assertTrue(
        again.getMessage().endsWith("already exists; remove it or choose another directory"));
  }

  @Test
  void officialCountsAreRequiredByDefault() throws IOException {
    writeBatches(20);
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> DatasetVerifier.verify(dir));
    assertEquals(
        dir + "/data_batch_1.bin: 20 records, the official layout has 10000 per file (truncated?)",
        e.getMessage());
  }

  @Test
  void sizeNotAWholeNumberOfRecords() throws IOException {
    writeBatches(20);
    Files.write(dir.resolve("test_batch.bin"), new byte[3073 * 5 - 7]);
    assertEquals(
        dir
            + "/test_batch.bin: 15358 bytes is not a whole number of 3073-byte CIFAR-10 records"
            + " (truncated, or not the binary layout)",
        failure(dir));
  }

  @Test
  void labelOutOfRange() throws IOException {
    writeBatches(20);
    byte[] bytes = Files.readAllBytes(dir.resolve("data_batch_4.bin"));
    bytes[7 * 3073] = (byte) 200;
    Files.write(dir.resolve("data_batch_4.bin"), bytes);
    assertEquals(
        dir + "/data_batch_4.bin: record 7 (byte offset 21511) has label 200, outside 0-9",
        failure(dir));
  }

  @Test
  void missingBatch() throws IOException {
    writeBatches(20);
    Files.delete(dir.resolve("data_batch_3.bin"));
    assertTrue(
        failure(dir)
            .startsWith(dir + ": missing data_batch_3.bin (the layout has data_batch_1.bin"));
  }

  @Test
  void emptyDirectory() {
    assertTrue(
        failure(dir).startsWith(dir + ": empty directory (expected data_batch_1.bin"),
        failure(dir));
  }

  @Test
  void unreadablePath() throws IOException {
    assumeFalse(
        "root".equals(System.getProperty("user.name")) && canReadAnyway(), "root reads every file");
    writeBatches(20);
    Files.setPosixFilePermissions(
        dir.resolve("data_batch_2.bin"), PosixFilePermissions.fromString("---------"));
    assertEquals(dir + "/data_batch_2.bin: cannot read (permission denied)", failure(dir));
  }

  @Test
  void unreadableBecauseNotAFile() throws IOException {
    // Runs even as root, who reads files without permission: a batch name that is a directory
    // cannot be read.
    writeBatches(20);
    Files.delete(dir.resolve("data_batch_5.bin"));
    Files.createDirectory(dir.resolve("data_batch_5.bin"));
    assertTrue(failure(dir).startsWith(dir + "/data_batch_5.bin: cannot read: "), failure(dir));
  }

  private boolean canReadAnyway() throws IOException {
    Path probe = Files.writeString(dir.resolve("probe"), "x");
    Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
    boolean readable = Files.isReadable(probe);
    Files.delete(probe);
    return readable;
  }

  @Test
  void nonexistentPath() {
    assertEquals(dir.resolve("nope") + ": no such file or directory", failure(dir.resolve("nope")));
  }

  @Test
  void archiveWithUnexpectedEntries() throws IOException {
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    entries.put(CifarLayout.DIRECTORY + "/../../etc/evil", new byte[] {1});
    TestArchives.batches(5)
        .forEach((name, content) -> entries.put(CifarLayout.DIRECTORY + "/" + name, content));
    Path archive = Files.write(dir.resolve("cifar-10-binary.tar.gz"), TestArchives.tarGz(entries));
    assertTrue(
        failure(archive)
            .startsWith(archive + ": unexpected entry 'cifar-10-batches-bin/../../etc/evil'"),
        failure(archive));
    CifarFormatException read =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(archive, 5, 5));
    assertTrue(
        read.getMessage().contains("unexpected entry"), "the training reader refuses it too");
  }

  @Test
  void goodArchiveVerifies() throws IOException {
    Path archive = Files.write(dir.resolve("cifar-10-binary.tar.gz"), TestArchives.official(12));
    List<DatasetVerifier.FileSummary> files = DatasetVerifier.verify(archive, false);
    assertEquals(6, files.size());
    files.forEach(f -> assertEquals(12, f.records()));
  }
}
