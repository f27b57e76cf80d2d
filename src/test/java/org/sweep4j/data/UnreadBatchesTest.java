package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run reads only the batches its sizes need, but every batch a data location holds is checked
 * before training. Before, with {@code train_size: 200} only {@code data_batch_1} was read, and a
 * run trained happily beside a truncated batch 3, a self-linked batch 4, an empty batch 5, an
 * archive entry {@code ../evil}, and on a 20,000-record batch 1.
 */
class UnreadBatchesTest {
  private static final int PER_FILE = 50;

  @TempDir Path dir;

  @BeforeEach
  void writeEveryBatch() throws Exception {
    TestArchives.batches(PER_FILE).forEach((name, bytes) -> write(dir.resolve(name), bytes));
    assertEquals(20, CifarBinaryReader.read(dir, 20, 10).train().size(), "intact, it reads");
  }

  @Test
  void aTruncatedBatchNoOneReadsIsRefused() throws Exception {
    Path batch3 = dir.resolve("data_batch_3.bin");
    byte[] whole = Files.readAllBytes(batch3);
    Files.write(batch3, Arrays.copyOf(whole, whole.length - 1000));
    assertRefused(
        batch3
            + ": "
            + (whole.length - 1000)
            + " bytes is not a whole number of 3073-byte CIFAR-10 records (truncated, or not the"
            + " binary layout)");
  }

  @Test
  void aBatchCutAtARecordBoundaryDiffersFromTheOthers() throws Exception {
    Path batch2 = dir.resolve("data_batch_2.bin");
    Files.write(batch2, Arrays.copyOf(Files.readAllBytes(batch2), 49 * ImageSet.RECORD_BYTES));
    assertRefused(
        batch2
            + ": 49 records where data_batch_1.bin has 50 (truncated, or batches of different"
            + " sets?)");
  }

  @Test
  void anEmptyBatchIsRefused() throws Exception {
    Files.write(dir.resolve("data_batch_5.bin"), new byte[0]);
    assertRefused(
        dir.resolve("data_batch_5.bin")
            + ": 0 bytes is not a whole number of 3073-byte CIFAR-10 records (truncated, or not"
            + " the binary layout)");
  }

  @Test
  void aLinkToItselfIsRefused() throws Exception {
    Path batch4 = dir.resolve("data_batch_4.bin");
    Files.delete(batch4);
    Files.createSymbolicLink(batch4, batch4.getFileName());
    assertRefused(batch4 + ": a link that leads to no file (dangling or looping)");
  }

  @Test
  void aBatchLargerThanTheOfficialOnesIsRefused() throws Exception {
    ImageSet big = SyntheticCifar.images(CifarLayout.RECORDS_PER_FILE + 1, 9);
    Path batch1 = dir.resolve("data_batch_1.bin");
    Files.write(batch1, big.records(0, big.size()));
    assertRefused(batch1 + ": 10,001 records, more than the 10,000 of an official batch file");
  }

  @Test
  void anArchiveEntryPastTheBatchesARunReadsIsChecked() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    TestArchives.batches(PER_FILE)
        .forEach((name, bytes) -> entries.put(CifarLayout.DIRECTORY + "/" + name, bytes));
    entries.put(CifarLayout.DIRECTORY + "/../evil", new byte[] {1});
    Path archive = dir.resolve(CifarLayout.ARCHIVE);
    Files.write(archive, TestArchives.tarGz(entries));
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(archive, 20, 10));
    assertEquals(
        true,
        e.getMessage().startsWith(archive + ": unexpected entry 'cifar-10-batches-bin/../evil'"),
        e.getMessage());
  }

  private void assertRefused(String message) {
    CifarFormatException e =
        assertThrows(CifarFormatException.class, () -> CifarBinaryReader.read(dir, 20, 10));
    assertEquals(message, e.getMessage());
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
