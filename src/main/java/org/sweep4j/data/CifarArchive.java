package org.sweep4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Unpacks the official {@code cifar-10-binary.tar.gz} into a checked directory of batches. */
final class CifarArchive {
  private CifarArchive() {}

  /**
   * Extracts into a hidden directory beside {@code target}, checking every entry, then renames it
   * into place.
   */
  static void unpack(Path archive, Path target) throws IOException {
    Path staging = target.resolveSibling("." + CifarLayout.DIRECTORY + "-" + UUID.randomUUID());
    Files.createDirectories(staging);
    try {
      try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
          TarArchiveInputStream tar =
              new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextTarEntry()) != null) {
          String file = CifarLayout.checkArchiveEntry(archive.toString(), entry.getName());
          if (file != null && entry.isFile()) {
            Files.copy(tar, staging.resolve(file));
          }
        }
      } catch (CifarFormatException e) {
        throw e;
      } catch (IOException e) {
        throw new CifarFormatException(
            archive + ": not a readable " + CifarLayout.ARCHIVE + ": " + e.getMessage(), e);
      }
      DatasetVerifier.verify(staging, false);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(staging);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
