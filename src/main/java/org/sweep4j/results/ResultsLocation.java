package org.sweep4j.results;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sweep4j.config.InputException;

/**
 * A results directory as the user names it: a URI with a scheme ({@code hdfs://nn/sweeps/a}, {@code
 * file:/tmp/a}) or a local path, any name the operating system allows (spaces, colons, {@code #},
 * {@code %}); and the checks made before any work, so that a location that cannot hold results is
 * refused with its reason before Spark starts rather than after a trial has trained.
 */
public final class ResultsLocation {
  /** A scheme of two letters or more, then ":/" (one letter would be a Windows drive). */
  private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

  private static final List<String> DIRECTORIES =
      List.of(
          ResultsStore.TRIALS,
          ResultsStore.EPOCHS,
          ResultsStore.LAYER_STATS,
          ResultsStore.RUNS,
          TrialClaims.DIRECTORY,
          ResultsStore.SHARDS);

  private ResultsLocation() {}

  /**
   * The Hadoop path of {@code location}. A local path goes through {@link java.nio.file.Path}: read
   * by Hadoop as it is, {@code a:b} would be the path {@code b} of a scheme {@code a}.
   */
  public static Path path(String location) {
    if (location == null || location.isBlank()) {
      throw new InputException("the results location is empty");
    }
    if (URI_WITH_SCHEME.matcher(location).matches()) {
      return new Path(location);
    }
    // Not Path.toUri(), which ends in "/" when the directory exists: one location, one name.
    return new Path(
        "file", null, java.nio.file.Path.of(location).toAbsolutePath().normalize().toString());
  }

  /**
   * Checks that {@code location} is, or can become, a results directory this driver can write:
   * neither it nor a folder above it is a file, the directories a results directory holds are not
   * files, and a file can be created in it. Creates it if absent.
   */
  public static void requireWritable(String location) {
    Path root = path(location);
    try {
      FileSystem fs = root.getFileSystem(new Configuration());
      requireNoFileAbove(fs, root, location);
      for (String name : DIRECTORIES) {
        Path dir = new Path(root, name);
        if (fs.exists(dir) && !fs.getFileStatus(dir).isDirectory()) {
          throw new InputException(
              "results location "
                  + location
                  + " holds a file named "
                  + name
                  + " where a results directory keeps its "
                  + name
                  + " directory: move it away or choose another location");
        }
      }
      requireCanWrite(fs, root, location);
    } catch (IOException e) {
      throw new InputException("cannot use results location " + location + ": " + e.getMessage());
    }
  }

  /** Checks that {@code location} exists and is a directory, for the commands that only read. */
  public static void requireReadable(String location) {
    Path root = path(location);
    try {
      FileSystem fs = root.getFileSystem(new Configuration());
      if (!fs.exists(root)) {
        throw new InputException("no results at " + location + ": it does not exist");
      }
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new InputException(
            "no results at " + location + ": it is a file, not a results directory");
      }
    } catch (IOException e) {
      throw new InputException("cannot read results location " + location + ": " + e.getMessage());
    }
  }

  private static void requireNoFileAbove(FileSystem fs, Path root, String location)
      throws IOException {
    for (Path at = root; at != null; at = at.getParent()) {
      FileStatus status = existing(fs, at);
      if (status == null) {
        continue;
      }
      if (status.isDirectory()) {
        return;
      }
      throw new InputException(
          at.equals(root)
              ? "results location " + location + " is a file, not a directory"
              : "results location " + location + " lies under " + at + ", which is a file");
    }
  }

  private static FileStatus existing(FileSystem fs, Path path) throws IOException {
    return fs.exists(path) ? fs.getFileStatus(path) : null;
  }

  /** Creates the directory if needed and a file in it, then removes the file. */
  private static void requireCanWrite(FileSystem fs, Path root, String location) {
    Path probe = new Path(root, ".sweep4j-write-check-" + UUID.randomUUID());
    try {
      if (!fs.mkdirs(root)) {
        throw new IOException("cannot create the directory");
      }
      fs.create(probe, false).close();
      fs.delete(probe, false);
    } catch (IOException e) {
      throw new InputException(
          "cannot write results to " + location + ": " + describe(e) + " (is it read-only?)");
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
