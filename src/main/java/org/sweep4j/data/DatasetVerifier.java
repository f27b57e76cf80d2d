package org.sweep4j.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code sweep4j data verify}: checks a CIFAR-10 data set in the official binary layout (a
 * directory, its {@code cifar-10-batches-bin} subdirectory, or the archive) file by file: every
 * batch present, a size of exactly 10,000 whole records, labels 0–9; then reports the class
 * balance. The first fault found is thrown as a {@link CifarFormatException} naming the file and
 * what is wrong.
 */
public final class DatasetVerifier {
  /**
   * A class balance is reported as skewed when the largest class is this many times the smallest.
   */
  static final double SKEW = 1.2;

  /** One verified batch file: its records per class. */
  public record FileSummary(String file, int[] classCounts) {
    public int records() {
      int total = 0;
      for (int count : classCounts) {
        total += count;
      }
      return total;
    }
  }

  private DatasetVerifier() {}

  public static List<FileSummary> verify(Path path) {
    return verify(path, true);
  }

  /**
   * @param officialCounts whether each file must hold exactly 10,000 records (off for the small
   *     archives the tests serve; the archive's MD5 already vouches for the official one's
   *     contents)
   */
  public static List<FileSummary> verify(Path path, boolean officialCounts) {
    Map<String, byte[]> contents =
        Files.isDirectory(path) ? readDirectory(path) : readArchive(path);
    List<FileSummary> summaries = new ArrayList<>();
    for (String file : CifarLayout.BATCH_FILES) {
      summaries.add(summary(path + "/" + file, file, contents.get(file), officialCounts));
    }
    return summaries;
  }

  /** One file's class counts, once its size and every label are checked. */
  private static FileSummary summary(
      String name, String file, byte[] content, boolean officialCounts) {
    int records = CifarLayout.records(name, content);
    if (officialCounts && records != CifarLayout.RECORDS_PER_FILE) {
      throw new CifarFormatException(
          name
              + ": "
              + records
              + " records, the official layout has "
              + CifarLayout.RECORDS_PER_FILE
              + " per file (truncated?)");
    }
    int[] counts = new int[ImageSet.CLASSES];
    for (int i = 0; i < records; i++) {
      counts[CifarLayout.label(name, content, i)]++;
    }
    return new FileSummary(file, counts);
  }

  /** The summary {@code data verify} prints: a line per file and the overall class balance. */
  public static String format(Path path, List<FileSummary> summaries) {
    StringBuilder out = new StringBuilder("CIFAR-10 binary layout at " + path + ": OK\n");
    int[] train = new int[ImageSet.CLASSES];
    for (FileSummary summary : summaries) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-18s %,7d records  %s%n",
              summary.file(),
              summary.records(),
              balance(summary.classCounts())));
      if (!summary.file().equals(CifarBinaryReader.TEST_FILE)) {
        for (int c = 0; c < train.length; c++) {
          train[c] += summary.classCounts()[c];
        }
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "  %-18s %,7d records  %s%n",
            "training (1-5)",
            java.util.Arrays.stream(train).sum(),
            balance(train)));
    return out.toString();
  }

  private static String balance(int[] counts) {
    int min = java.util.Arrays.stream(counts).min().orElse(0);
    int max = java.util.Arrays.stream(counts).max().orElse(0);
    String verdict = min > 0 && max <= SKEW * min ? "balanced" : "SKEWED";
    return String.format(Locale.ROOT, "per class %,d-%,d (%s)", min, max, verdict);
  }

  private static Map<String, byte[]> readDirectory(Path dir) {
    Path base =
        Files.isDirectory(dir.resolve(CifarLayout.DIRECTORY))
            ? dir.resolve(CifarLayout.DIRECTORY)
            : dir;
    try (Stream<Path> entries = Files.list(base)) {
      if (entries.findAny().isEmpty()) {
        throw new CifarFormatException(
            base
                + ": empty directory (expected "
                + String.join(", ", CifarLayout.BATCH_FILES)
                + "; 'sweep4j data download' fetches them)");
      }
    } catch (AccessDeniedException e) {
      throw new CifarFormatException(base + ": cannot read the directory (permission denied)", e);
    } catch (IOException e) {
      throw new CifarFormatException(base + ": cannot list: " + e, e);
    }
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (String name : CifarLayout.BATCH_FILES) {
      Path file = base.resolve(name);
      if (!Files.exists(file)) {
        throw new CifarFormatException(
            base
                + ": missing "
                + name
                + " (the layout has "
                + String.join(", ", CifarLayout.BATCH_FILES)
                + ")");
      }
      try {
        contents.put(name, Files.readAllBytes(file));
      } catch (AccessDeniedException e) {
        throw new CifarFormatException(file + ": cannot read (permission denied)", e);
      } catch (IOException e) {
        throw new CifarFormatException(file + ": cannot read: " + e, e);
      }
    }
    return contents;
  }

  private static Map<String, byte[]> readArchive(Path archive) {
    if (!Files.exists(archive)) {
      throw new CifarFormatException(archive + ": no such file or directory");
    }
    Map<String, byte[]> contents = new LinkedHashMap<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextTarEntry()) != null) {
        String file = CifarLayout.checkArchiveEntry(archive.toString(), entry.getName());
        if (file != null && CifarLayout.BATCH_FILES.contains(file)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, entry.getSize()));
          tar.transferTo(out);
          contents.put(file, out.toByteArray());
        }
      }
    } catch (AccessDeniedException e) {
      throw new CifarFormatException(archive + ": cannot read (permission denied)", e);
    } catch (IOException e) {
      throw new CifarFormatException(
          archive + ": not a readable " + CifarLayout.ARCHIVE + ": " + e.getMessage(), e);
    }
    for (String name : CifarLayout.BATCH_FILES) {
      if (!contents.containsKey(name)) {
        throw new CifarFormatException(
            archive + ": archive has no " + CifarLayout.DIRECTORY + "/" + name);
      }
    }
    return contents;
  }
}
