package org.sweep4j.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One claim file: created only if absent (atomically where the file system can), holding {@code
 * owner=}, {@code host=} and {@code pid=} lines; its modification time is the last heartbeat.
 */
final class ClaimFile {
  /** Makes the claims directory again when another driver removed it. */
  @FunctionalInterface
  interface Directory {
    void make() throws IOException;
  }

  private ClaimFile() {}

  /** Writes {@code body} to {@code claim} if no such file exists; whether it did. */
  static boolean create(FileSystem fs, Path claim, String body, Directory directory)
      throws IOException {
    if (fs instanceof LocalFileSystem local) {
      // Hadoop's local create checks, then opens: not atomic. The JDK's CREATE_NEW is (O_CREAT |
      // O_EXCL).
      try {
        Files.write(
            local.pathToFile(claim).toPath(),
            body.getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      } catch (java.nio.file.NoSuchFileException e) {
        // Another driver removed the empty claims directory just now; make it again.
        directory.make();
        return create(fs, claim, body, directory);
      }
    }
    try (OutputStream out = fs.create(claim, false)) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // Some file systems report an existing file with a plain IOException.
      if (fs.exists(claim)) {
        return false;
      }
      throw e;
    }
  }

  /** Who holds {@code claim}, if it exists. */
  static Optional<TrialClaims.Holder> read(FileSystem fs, Path claim) throws IOException {
    FileStatus status;
    String text;
    try {
      status = fs.getFileStatus(claim);
      try (InputStream in = fs.open(claim)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    }
    Instant heartbeat = Instant.ofEpochMilli(status.getModificationTime());
    String who = field(text, "owner");
    String host = field(text, "host");
    String pid = field(text, "pid");
    if (who == null || host == null || pid == null) {
      // Being written right now, or written by a driver killed mid-write: age decides.
      return Optional.of(new TrialClaims.Holder("incomplete claim", "unknown", -1, heartbeat));
    }
    return Optional.of(new TrialClaims.Holder(who, host, Long.parseLong(pid), heartbeat));
  }

  private static String field(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "=")) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return null;
  }
}
