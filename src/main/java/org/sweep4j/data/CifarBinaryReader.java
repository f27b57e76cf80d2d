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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Reads CIFAR-10 in the official binary layout: {@code data_batch_1.bin} ... {@code
 * data_batch_5.bin} and {@code test_batch.bin}, each a run of 3,073-byte records, from a directory
 * (or its {@code cifar-10-batches-bin} subdirectory) or straight from {@code
 * cifar-10-binary.tar.gz}, on any Hadoop-compatible file system. Only the batches needed for the
 * requested sizes are read (and their labels checked), but every batch's size and every archive
 * entry's name are checked first.
 */
public final class CifarBinaryReader {
  public static final String TEST_FILE = "test_batch.bin";
  public static final int IMAGES_PER_FILE = 10_000;
  private static final String ARCHIVE_DIR = "cifar-10-batches-bin";

  private CifarBinaryReader() {}

  public static String trainFile(int index) {
    return "data_batch_" + index + ".bin";
  }

  /**
   * The first {@code trainSize} training images (batches in order) and the first {@code testSize}
   * test images.
   */
  public static CifarData read(Path path, int trainSize, int testSize) {
    return read(path.toString(), path.toAbsolutePath().normalize().toString(), trainSize, testSize);
  }

  /**
   * The same from a location on any Hadoop-compatible file system: a local path, or a URI such as
   * {@code hdfs://namenode:8020/data/cifar-10-batches-bin} or {@code
   * s3a://bucket/cifar-10-binary.tar.gz}.
   */
  public static CifarData read(String location, int trainSize, int testSize) {
    return isUri(location)
        ? read(location, location, trainSize, testSize)
        : read(Path.of(location), trainSize, testSize);
  }

  /**
   * How a run's description names the data's location: a URI as given, a local path made absolute.
   */
  public static String describeLocation(String location) {
    return isUri(location) ? location : Path.of(location).toAbsolutePath().normalize().toString();
  }

  private static boolean isUri(String location) {
    return location.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") && !location.matches("[A-Za-z]:\\\\.*");
  }

  private static CifarData read(String location, String describedAs, int trainSize, int testSize) {
    List<String> trainFiles = new ArrayList<>();
    for (int i = 1; i <= (trainSize + IMAGES_PER_FILE - 1) / IMAGES_PER_FILE; i++) {
      trainFiles.add(trainFile(i));
    }
    List<String> wanted = new ArrayList<>(trainFiles);
    wanted.add(TEST_FILE);
    Map<String, byte[]> contents = contents(location, wanted);
    ImageSet train =
        concat(trainFiles.stream().map(f -> parse(location + "/" + f, contents.get(f))).toList())
            .head(trainSize);
    ImageSet test = parse(location + "/" + TEST_FILE, contents.get(TEST_FILE)).head(testSize);
    if (train.size() < trainSize) {
      throw new CifarFormatException(
          String.format(
              "%s: train_size %d asks for more images than the %d training batch file(s) hold (%d)",
              location, trainSize, trainFiles.size(), train.size()));
    }
    if (test.size() < testSize) {
      throw new CifarFormatException(
          String.format(
              "%s/%s: test_size %d asks for more images than the file holds (%d)",
              location, TEST_FILE, testSize, test.size()));
    }
    String description =
        String.format(
            "CIFAR-10 binary from %s (%d training images from %s; %d test images)",
            describedAs, train.size(), String.join(", ", trainFiles), test.size());
    return new CifarData(train, test, description);
  }

  /** The {@code wanted} files of a directory or an archive, by name. */
  private static Map<String, byte[]> contents(String location, List<String> wanted) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    FileSystem fs;
    FileStatus status;
    try {
      fs = path.getFileSystem(new Configuration());
      status = fs.exists(path) ? fs.getFileStatus(path) : null;
    } catch (IOException e) {
      throw new CifarFormatException(location + ": cannot reach: " + e.getMessage(), e);
    }
    if (status == null) {
      throw new CifarFormatException(
          location
              + ": no such directory or archive (expected a directory of CIFAR-10"
              + " *.bin files or cifar-10-binary.tar.gz)");
    }
    return status.isDirectory()
        ? readDirectory(fs, location, wanted)
        : readArchive(fs, location, wanted);
  }

  private static Map<String, byte[]> readDirectory(FileSystem fs, String dir, List<String> wanted) {
    try {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
      org.apache.hadoop.fs.Path nested = new org.apache.hadoop.fs.Path(root, ARCHIVE_DIR);
      boolean useNested =
          !fs.isFile(new org.apache.hadoop.fs.Path(root, wanted.get(0)))
              && fs.exists(nested)
              && fs.getFileStatus(nested).isDirectory();
      String base = useNested ? dir + "/" + ARCHIVE_DIR : dir;
      CifarLayout.checkBatchSizes(base, batchSizes(fs, base));
      Map<String, byte[]> contents = new HashMap<>();
      for (String name : wanted) {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(base, name);
        if (!fs.isFile(file)) {
          throw new CifarFormatException(
              base
                  + ": missing "
                  + name
                  + " (CIFAR-10 binary layout: data_batch_1.bin"
                  + " ... data_batch_5.bin, test_batch.bin)");
        }
        try (InputStream in = fs.open(file)) {
          contents.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new CifarFormatException(base + "/" + name + ": cannot read: " + e.getMessage(), e);
        }
      }
      return contents;
    } catch (IOException e) {
      throw new CifarFormatException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }

  /** The size of every batch file in {@code base}; refuses one that is there but not a file. */
  private static Map<String, Long> batchSizes(FileSystem fs, String base) throws IOException {
    Map<String, Long> sizes = new HashMap<>();
    for (String name : CifarLayout.BATCH_FILES) {
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(base, name);
      if (fs.exists(file)) {
        FileStatus status = fs.getFileStatus(file);
        if (!status.isFile()) {
          throw new CifarFormatException(base + "/" + name + ": not a file");
        }
        sizes.put(name, status.getLen());
      } else if (fs instanceof LocalFileSystem local && isDanglingLink(local, file)) {
        // Hadoop lists a link to nowhere (or to itself) as absent.
        throw new CifarFormatException(
            base + "/" + name + ": a link that leads to no file (dangling or looping)");
      }
    }
    return sizes;
  }

  private static boolean isDanglingLink(LocalFileSystem fs, org.apache.hadoop.fs.Path file) {
    java.nio.file.Path path = fs.pathToFile(file).toPath();
    return Files.isSymbolicLink(path) && !Files.exists(path);
  }

  private static Map<String, byte[]> readArchive(
      FileSystem fs, String archive, List<String> wanted) {
    Map<String, byte[]> contents = new HashMap<>();
    Map<String, Long> sizes = new HashMap<>();
    // Every entry, also past the wanted ones: its names and batch sizes are checked too.
    try (InputStream raw =
            new BufferedInputStream(fs.open(new org.apache.hadoop.fs.Path(archive)), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextTarEntry()) != null) {
        String name = CifarLayout.checkArchiveEntry(archive, entry.getName());
        if (name != null && CifarLayout.BATCH_FILES.contains(name)) {
          if (!entry.isFile()) {
            throw new CifarFormatException(
                archive + ": entry " + entry.getName() + " is not a file");
          }
          sizes.put(name, entry.getSize());
        }
        if (entry.isFile() && name != null && wanted.contains(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, entry.getSize()));
          tar.transferTo(out);
          contents.put(name, out.toByteArray());
        }
      }
    } catch (IOException e) {
      throw new CifarFormatException(
          archive + ": not a readable cifar-10-binary.tar.gz: " + e.getMessage(), e);
    }
    CifarLayout.checkBatchSizes(archive + "!" + ARCHIVE_DIR, sizes);
    for (String name : wanted) {
      if (!contents.containsKey(name)) {
        throw new CifarFormatException(archive + ": archive has no " + name);
      }
    }
    return contents;
  }

  /** Parses one batch file's bytes; {@code name} labels errors. */
  public static ImageSet parse(String name, byte[] content) {
    int n = CifarLayout.records(name, content);
    byte[] labels = new byte[n];
    byte[] pixels = new byte[n * ImageSet.PIXELS];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) CifarLayout.label(name, content, i);
      System.arraycopy(
          content, i * ImageSet.RECORD_BYTES + 1, pixels, i * ImageSet.PIXELS, ImageSet.PIXELS);
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
