package org.sweep4j.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads CIFAR-10 in the official binary layout: {@code data_batch_1.bin} ... {@code data_batch_5.bin} and
 * {@code test_batch.bin}, each a run of 3,073-byte records, from a directory (or its
 * {@code cifar-10-batches-bin} subdirectory) or straight from {@code cifar-10-binary.tar.gz}.
 * Only the batches needed for the requested sizes are read.
 */
public final class CifarBinaryReader {
  public static final String TEST_FILE = "test_batch.bin";
  public static final int IMAGES_PER_FILE = 10_000;
  private static final String ARCHIVE_DIR = "cifar-10-batches-bin";

  private CifarBinaryReader() {}

  public static String trainFile(int index) {
    return "data_batch_" + index + ".bin";
  }

  /** The first {@code trainSize} training images (batches in order) and the first {@code testSize} test images. */
  public static CifarData read(Path path, int trainSize, int testSize) {
    List<String> trainFiles = new ArrayList<>();
    for (int i = 1; i <= (trainSize + IMAGES_PER_FILE - 1) / IMAGES_PER_FILE; i++) {
      trainFiles.add(trainFile(i));
    }
    List<String> wanted = new ArrayList<>(trainFiles);
    wanted.add(TEST_FILE);
    Map<String, byte[]> contents;
    if (Files.isDirectory(path)) {
      contents = readDirectory(path, wanted);
    } else if (Files.isRegularFile(path)) {
      contents = readArchive(path, wanted);
    } else {
      throw new CifarFormatException(path + ": no such directory or archive (expected a directory of CIFAR-10 *.bin"
          + " files or cifar-10-binary.tar.gz)");
    }
    ImageSet train = concat(trainFiles.stream().map(f -> parse(path + "/" + f, contents.get(f))).toList())
        .head(trainSize);
    ImageSet test = parse(path + "/" + TEST_FILE, contents.get(TEST_FILE)).head(testSize);
    if (train.size() < trainSize) {
      throw new CifarFormatException(path + ": train_size " + trainSize + " asks for more images than the "
          + trainFiles.size() + " training batch file(s) hold (" + train.size() + ")");
    }
    if (test.size() < testSize) {
      throw new CifarFormatException(path + "/" + TEST_FILE + ": test_size " + testSize + " asks for more images than"
          + " the file holds (" + test.size() + ")");
    }
    String description = "CIFAR-10 binary from " + path.toAbsolutePath().normalize() + " (" + train.size()
        + " training images from " + String.join(", ", trainFiles) + "; " + test.size() + " test images)";
    return new CifarData(train, test, description);
  }

  private static Map<String, byte[]> readDirectory(Path dir, List<String> wanted) {
    Path base = Files.isRegularFile(dir.resolve(wanted.get(0))) || !Files.isDirectory(dir.resolve(ARCHIVE_DIR))
        ? dir : dir.resolve(ARCHIVE_DIR);
    Map<String, byte[]> contents = new HashMap<>();
    for (String name : wanted) {
      Path file = base.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new CifarFormatException(base + ": missing " + name + " (CIFAR-10 binary layout: data_batch_1.bin ..."
            + " data_batch_5.bin, test_batch.bin)");
      }
      try {
        contents.put(name, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new CifarFormatException(file + ": cannot read: " + e.getMessage(), e);
      }
    }
    return contents;
  }

  private static Map<String, byte[]> readArchive(Path archive, List<String> wanted) {
    Map<String, byte[]> contents = new HashMap<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextTarEntry()) != null && contents.size() < wanted.size()) {
        String name = CifarLayout.checkArchiveEntry(archive.toString(), entry.getName());
        if (entry.isFile() && name != null && wanted.contains(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, entry.getSize()));
          tar.transferTo(out);
          contents.put(name, out.toByteArray());
        }
      }
    } catch (IOException e) {
      throw new CifarFormatException(archive + ": not a readable cifar-10-binary.tar.gz: " + e.getMessage(), e);
    }
    for (String name : wanted) {
      if (!contents.containsKey(name)) {
        throw new CifarFormatException(archive + ": archive has no " + name);
      }
    }
    return contents;
  }

  /** Parses one batch file's bytes; {@code name} labels errors. */
  public static ImageSet parse(String name, byte[] content) {
    if (content.length == 0 || content.length % ImageSet.RECORD_BYTES != 0) {
      throw new CifarFormatException(name + ": " + content.length + " bytes is not a whole number of "
          + ImageSet.RECORD_BYTES + "-byte CIFAR-10 records (truncated, or not the binary layout)");
    }
    int n = content.length / ImageSet.RECORD_BYTES;
    byte[] labels = new byte[n];
    byte[] pixels = new byte[n * ImageSet.PIXELS];
    for (int i = 0; i < n; i++) {
      int at = i * ImageSet.RECORD_BYTES;
      int label = content[at] & 0xff;
      if (label >= ImageSet.CLASSES) {
        throw new CifarFormatException(name + ": record " + i + " (byte offset " + at + ") has label " + label
            + ", outside 0-9");
      }
      labels[i] = (byte) label;
      System.arraycopy(content, at + 1, pixels, i * ImageSet.PIXELS, ImageSet.PIXELS);
    }
    return new ImageSet(labels, pixels);
  }

  static ImageSet concat(List<ImageSet> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int n = parts.stream().mapToInt(ImageSet::size).sum();
    byte[] labels = new byte[n];
    byte[] pixels = new byte[n * ImageSet.PIXELS];
    int at = 0;
    for (ImageSet part : parts) {
      System.arraycopy(part.labels(), 0, labels, at, part.size());
      System.arraycopy(part.pixels(), 0, pixels, at * ImageSet.PIXELS, part.pixels().length);
      at += part.size();
    }
    return new ImageSet(labels, pixels);
  }
}
