package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {
  @TempDir Path dir;

  private final ImageSet train = SyntheticCifar.images(40, 1);
  private final ImageSet test = SyntheticCifar.images(15, 2);

  private void writeOfficialLayout(Path target) throws IOException {
    Files.createDirectories(target);
    Files.write(target.resolve("data_batch_1.bin"), train.records(0, train.size()));
    Files.write(target.resolve("test_batch.bin"), test.records(0, test.size()));
  }

  @Test
  void readsADirectoryInTheOfficialLayout() throws IOException {
    writeOfficialLayout(dir);
    CifarData data = CifarBinaryReader.read(dir, 30, 15);
    assertEquals(30, data.train().size());
    assertArrayEquals(train.head(30).pixels(), data.train().pixels());
    assertArrayEquals(test.labels(), data.test().labels());
    assertTrue(data.description().contains("data_batch_1.bin"), data.description());
  }

  @Test
  void readsTheArchiveAsDistributed() throws IOException {
    Path archive = dir.resolve("cifar-10-binary.tar.gz");
    try (OutputStream file = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      add(tar, "cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes());
      add(tar, "cifar-10-batches-bin/data_batch_1.bin", train.records(0, train.size()));
      add(tar, "cifar-10-batches-bin/test_batch.bin", test.records(0, test.size()));
    }
    CifarData data = CifarBinaryReader.read(archive, 40, 10);
    assertArrayEquals(train.labels(), data.train().labels());
    assertArrayEquals(test.head(10).pixels(), data.test().pixels());
  }

  @Test
  void readsThroughHadoopFromAUri() throws IOException {
    // hdfs:// and s3a:// locations take this path; file: URIs exercise it without a cluster.
    writeOfficialLayout(dir.resolve("cifar-10-batches-bin"));
    String uri = dir.toUri().toString();
    CifarData data = CifarBinaryReader.read(uri, 40, 15);
    assertArrayEquals(train.pixels(), data.train().pixels());
    assertTrue(data.description().startsWith("CIFAR-10 binary from " + uri), data.description());
    CifarFormatException missing =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(uri + "nope", 10, 5));
    assertTrue(
        missing.getMessage().startsWith(uri + "nope: no such directory or archive"),
        missing.getMessage());
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  @Test
  void truncatedFileIsNamedWithItsSize() throws IOException {
    writeOfficialLayout(dir);
    byte[] whole = Files.readAllBytes(dir.resolve("test_batch.bin"));
    Files.write(dir.resolve("test_batch.bin"), java.util.Arrays.copyOf(whole, whole.length - 100));
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(dir, 10, 5));
    assertEquals(
        dir
            + "/test_batch.bin: "
            + (whole.length - 100)
            + " bytes is not a whole number of 3073-byte"
            + " CIFAR-10 records (truncated, or not the binary layout)",
        e.getMessage());
  }

  @Test
  void labelOutOfRangeNamesFileAndRecord() throws IOException {
    writeOfficialLayout(dir);
    byte[] bytes = Files.readAllBytes(dir.resolve("data_batch_1.bin"));
    bytes[3 * ImageSet.RECORD_BYTES] = 12;
    Files.write(dir.resolve("data_batch_1.bin"), bytes);
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(dir, 10, 5));
    assertEquals(
        dir + "/data_batch_1.bin: record 3 (byte offset 9219) has label 12, outside 0-9",
        e.getMessage());
  }

  @Test
  void missingBatchAndMissingPathAreNamed() throws IOException {
    writeOfficialLayout(dir);
    CifarFormatException missing =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(dir, 10_001, 5));
    assertTrue(
        missing.getMessage().startsWith(dir + ": missing data_batch_2.bin"), missing.getMessage());
    CifarFormatException nowhere =
        assertThrows(
            CifarFormatException.class, () -> CifarBinaryReader.read(dir.resolve("nope"), 10, 5));
    assertTrue(
        nowhere.getMessage().startsWith(dir.resolve("nope") + ": no such directory or archive"));
  }

  @Test
  void asksForMoreImagesThanThereAre() throws IOException {
    writeOfficialLayout(dir);
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(dir, 10, 20));
    assertEquals(
        dir + "/test_batch.bin: test_size 20 asks for more images than the file holds (15)",
        e.getMessage());
  }
}
