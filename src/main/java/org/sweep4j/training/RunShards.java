package org.sweep4j.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sweep4j.results.TrialClaims;

/**
 * Where a run's data shards live: {@code RESULTS/_shards/<run id>.<pid>@<host>}, hidden from table readers by
 * the underscore. A run removes its own when it ends; a run that was killed cannot, so every run first removes
 * the shard directories of runs on this host whose process is gone. (Shards of a lost driver on another host
 * stay: this host cannot tell whether that driver still runs.)
 */
final class RunShards {
  static final String DIRECTORY = "_shards";

  private RunShards() {}

  /** A fresh directory name for this run's shards. */
  static String newDirectory(String results) {
    return results + "/" + DIRECTORY + "/" + UUID.randomUUID() + "." + ProcessHandle.current().pid() + "@"
        + TrialClaims.localHost();
  }

  /** Removes the shard directories of killed runs on this host; returns their names. */
  static List<String> removeAbandoned(String results) {
    Path dir = new Path(results, DIRECTORY);
    List<String> removed = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(new Configuration());
      if (!fs.exists(dir)) {
        return removed;
      }
      for (FileStatus run : fs.listStatus(dir)) {
        String name = run.getPath().getName();
        if (abandonedHere(name)) {
          fs.delete(run.getPath(), true);
          removed.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + dir + ": " + e.getMessage(), e);
    }
    return removed;
  }

  /** Whether {@code <run id>.<pid>@<host>} names a run on this host whose process has ended. */
  static boolean abandonedHere(String name) {
    int dot = name.indexOf('.');
    int at = name.indexOf('@', dot + 1);
    if (dot < 0 || at < 0) {
      return false;
    }
    try {
      return TrialClaims.isEndedProcessHere(name.substring(at + 1), Long.parseLong(name.substring(dot + 1, at)));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
