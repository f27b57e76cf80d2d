package org.sweep4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Small CIFAR-10 archives in the official layout (a few synthetic records per batch) for data
 * tests.
 */
final class TestArchives {
  private TestArchives() {}

  /** Every batch file of the layout with {@code perFile} synthetic records each, by file name. */
  static Map<String, byte[]> batches(int perFile) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long seed = 1;
    for (String name : CifarLayout.BATCH_FILES) {
      ImageSet images = SyntheticCifar.images(perFile, seed++);
      files.put(name, images.records(0, images.size()));
    }
    return files;
  }

  /** A .tar.gz of the entries given (name → content), in order. */
  static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /**
   * The official archive's shape: the batches under cifar-10-batches-bin/ plus batches.meta.txt.
   */
  static byte[] official(int perFile) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(CifarLayout.DIRECTORY + "/batches.meta.txt", "airplane\n".getBytes());
    batches(perFile)
        .forEach((name, content) -> entries.put(CifarLayout.DIRECTORY + "/" + name, content));
    return tarGz(entries);
  }
}
