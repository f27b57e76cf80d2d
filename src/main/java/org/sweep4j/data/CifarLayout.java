package org.sweep4j.data;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The official CIFAR-10 binary distribution: six batch files of 10,000 records each, in a directory
 * named {@code cifar-10-batches-bin}, shipped as {@code cifar-10-binary.tar.gz} with two text files
 * beside them.
 */
public final class CifarLayout {
  public static final String DIRECTORY = "cifar-10-batches-bin";
  public static final String ARCHIVE = "cifar-10-binary.tar.gz";
  public static final String URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
  public static final long ARCHIVE_BYTES = 170_052_171L;
  public static final String ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
  public static final int RECORDS_PER_FILE = 10_000;
  public static final List<String> BATCH_FILES =
      List.of(
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin");

  /** Everything the official archive holds besides the batches. */
  public static final Set<String> OTHER_FILES = Set.of("batches.meta.txt", "readme.html");

  private CifarLayout() {}

  /**
   * Checks one tar entry's name: it must be the data directory or a known file inside it, never a
   * path that climbs out of it.
   *
   * @return the file name inside the directory, or null for the directory itself
   */
  public static String checkArchiveEntry(String archive, String entry) {
    String name = entry.startsWith("./") ? entry.substring(2) : entry;
    if (name.equals(DIRECTORY + "/") || name.equals(DIRECTORY)) {
      return null;
    }
    String file = name.startsWith(DIRECTORY + "/") ? name.substring(DIRECTORY.length() + 1) : null;
    if (file == null
        || file.contains("/")
        || file.contains("\\")
        || !(BATCH_FILES.contains(file) || OTHER_FILES.contains(file))) {
      throw new CifarFormatException(
          archive
              + ": unexpected entry '"
              + entry
              + "' (a CIFAR-10 binary archive holds "
              + DIRECTORY
              + "/ with "
              + String.join(", ", BATCH_FILES)
              + ", batches.meta.txt and readme.html)");
    }
    return file;
  }

  /**
   * How many whole records {@code content} holds; refuses an empty or cut content, naming {@code
   * name}.
   */
  static int records(String name, byte[] content) {
    return records(name, content.length);
  }

  private static int records(String name, long bytes) {
    if (bytes == 0 || bytes % ImageSet.RECORD_BYTES != 0) {
      throw new CifarFormatException(
          name
              + ": "
              + bytes
              + " bytes is not a whole number of "
              + ImageSet.RECORD_BYTES
              + "-byte CIFAR-10 records (truncated, or not the binary layout)");
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes / ImageSet.RECORD_BYTES);
  }

  /**
   * Checks the sizes of every batch file a data location holds, also those a run does not read, so
   * that a damaged copy is refused before training rather than the day a larger run reads it: each
   * a whole, non-zero number of records, at most the official {@value #RECORDS_PER_FILE}, and every
   * training batch holding as many as the first.
   *
   * @param sizes bytes of each batch file present, by file name
   */
  static void checkBatchSizes(String base, Map<String, Long> sizes) {
    String firstTrain = null;
    int perTrainFile = 0;
    for (String file : BATCH_FILES) {
      Long bytes = sizes.get(file);
      if (bytes == null) {
        continue;
      }
      String name = base + "/" + file;
      int records = records(name, bytes);
      if (records > RECORDS_PER_FILE) {
        throw new CifarFormatException(
            String.format(
                Locale.ROOT,
                "%s: %,d records, more than the %,d of an official batch file",
                name,
                records,
                RECORDS_PER_FILE));
      }
      if (file.equals(CifarBinaryReader.TEST_FILE)) {
        continue;
      }
      if (firstTrain == null) {
        firstTrain = file;
        perTrainFile = records;
      } else if (records != perTrainFile) {
        throw new CifarFormatException(
            String.format(
                Locale.ROOT,
                "%s: %,d records where %s has %,d (truncated, or batches of different sets?)",
                name,
                records,
                firstTrain,
                perTrainFile));
      }
    }
  }

  /** The label of record {@code index}; refuses one outside 0-9, naming the file and offset. */
  static int label(String name, byte[] content, int index) {
    long at = (long) index * ImageSet.RECORD_BYTES;
    int label = content[(int) at] & 0xff;
    if (label >= ImageSet.CLASSES) {
      throw new CifarFormatException(
          String.format(
              "%s: record %d (byte offset %d) has label %d, outside 0-9", name, index, at, label));
    }
    return label;
  }
}
