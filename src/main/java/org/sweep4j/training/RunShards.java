package org.sweep4j.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sweep4j.config.JobSpec;
import org.sweep4j.data.CifarData;
import org.sweep4j.data.ShardWriter;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.HostProcess;
import org.sweep4j.results.ResultsStore;

/**
 * The life of a run's data shards: where they live ({@code RESULTS/_shards/<run id>.<pid>@<host>},
 * beside the results on the same file system, so every executor reads them, and hidden from table
 * readers by the underscore), cutting them, and removing them. A run removes its own when it ends;
 * a run that was killed cannot, so every run first removes the shard directories of runs on this
 * host whose process is gone. (Shards of a lost driver on another host stay: this host cannot tell
 * whether that driver still runs.) One-worker trials keep their state between epochs there too.
 */
final class RunShards {
  static final String DIRECTORY = ResultsStore.SHARDS;

  /**
   * Images per scoring shard: large enough to amortise the per-shard cost, small enough for any
   * heap.
   */
  static final int SCORING_SHARD = 500;

  private RunShards() {}

  /** A fresh directory name for this run's shards. */
  static String newDirectory(String results) {
    return results
        + "/"
        + DIRECTORY
        + "/"
        + UUID.randomUUID()
        + "."
        + ProcessHandle.current().pid()
        + "@"
        + HostProcess.localHost();
  }

  /** The run id in a directory {@link #newDirectory} named. */
  static String runId(String directory) {
    String name = new Path(directory).getName();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
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
      removeIfEmpty(fs, dir);
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
      return HostProcess.isEndedHere(
          name.substring(at + 1), Long.parseLong(name.substring(dot + 1, at)));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Cuts the run's data into shard files under {@code dir}: training shards of one worker minibatch
   * for every worker batch size the trials use, scoring shards, and the probe batch.
   */
  static TrialData cut(JobSpec job, List<TrialSpec> trials, CifarData data, String dir) {
    int trainEval =
        job.shared().trainEvalSize() == 0
            ? data.train().size()
            : Math.min(job.shared().trainEvalSize(), data.train().size());
    Map<Integer, List<String>> train = new TreeMap<>();
    for (TrialSpec trial : trials) {
      int perWorker = trial.distribution().batchSizePerWorker();
      train.computeIfAbsent(
          perWorker,
          size ->
              ShardWriter.write(
                  data.train(), data.train().size(), size, dir + "/train-" + size, "train"));
    }
    List<String> validation =
        ShardWriter.write(
            data.validation(),
            data.validation().size(),
            SCORING_SHARD,
            dir + "/validation",
            "validation");
    List<String> test =
        data.holdsOut()
            ? ShardWriter.write(
                data.test(), data.test().size(), SCORING_SHARD, dir + "/test", "test")
            : null;
    List<String> trainScoring =
        ShardWriter.write(
            data.train(), trainEval, SCORING_SHARD, dir + "/train-eval", "train-eval");
    int probeSize = Math.min(job.shared().probeSize(), data.train().size());
    String probe =
        probeSize == 0
            ? null
            : ShardWriter.write(data.train(), probeSize, probeSize, dir + "/probe", "probe").get(0);
    return new TrialData(
        train, validation, trainScoring, test, probe, data.train().size(), data.description(), dir);
  }

  /**
   * Removes a run's shard directory, and {@code _shards} itself when no other run's shards are
   * left.
   */
  static void remove(String dir) {
    Path shards = new Path(dir);
    FileSystem fs;
    try {
      fs = shards.getFileSystem(new Configuration());
      fs.delete(shards, true);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove data shards under " + dir + ": " + e.getMessage(), e);
    }
    removeIfEmpty(fs, shards.getParent());
  }

  /** Removes the {@code _shards} directory once no run has shards in it. */
  private static void removeIfEmpty(FileSystem fs, Path dir) {
    try {
      ResultsStore.removeIfEmpty(fs, dir); // another run sharing it may be making its shards
    } catch (IOException e) {
      // it stays: an empty directory costs nothing
    }
  }
}
