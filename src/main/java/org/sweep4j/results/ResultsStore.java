package org.sweep4j.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A results directory: {@code trials/}, {@code epochs/} and {@code layer_stats/}, one Parquet file
 * per trial in each, named by trial id. A trial is recorded by writing its layer_stats file, its
 * epochs file, then its trials file, each under a hidden temporary name renamed into place; so a
 * trial row always has its epochs, readers skip hidden files, and writing the same trial again
 * replaces its files instead of adding duplicate rows. Any Hadoop-compatible path works.
 */
public final class ResultsStore {
  public static final String TRIALS = "trials";
  public static final String EPOCHS = "epochs";
  public static final String LAYER_STATS = "layer_stats";
  public static final String RUNS = "runs";
  private static final String SUFFIX = ".parquet";

  private final Path root;
  private final Configuration conf;
  private final FileSystem fs;

  private ResultsStore(Path root, Configuration conf) throws IOException {
    this.root = root;
    this.conf = conf;
    this.fs = root.getFileSystem(conf);
    // Local checksum files (.crc) would only clutter a directory users browse by hand.
    this.fs.setWriteChecksum(false);
  }

  public static ResultsStore open(String location) {
    try {
      return new ResultsStore(new Path(location), new Configuration());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open results directory " + location + ": " + e.getMessage(), e);
    }
  }

  public String location() {
    return fs.makeQualified(root).toString();
  }

  /** The directory of one table, e.g. {@code <results>/trials}. */
  public String tableLocation(String table) {
    return fs.makeQualified(new Path(root, table)).toString();
  }

  public boolean hasTable(String table) {
    return !files(table).isEmpty();
  }

  /** Records a trial and its epochs without diagnostics. */
  public void record(TrialRow trial, List<EpochRow> epochs) {
    record(trial, epochs, List.of());
  }

  /**
   * Records a trial, its epochs and its layer diagnostics, replacing whatever an earlier attempt
   * left.
   */
  public void record(TrialRow trial, List<EpochRow> epochs, List<LayerStatRow> layerStats) {
    for (EpochRow epoch : epochs) {
      if (!epoch.trialId().equals(trial.trialId())) {
        throw new IllegalArgumentException(
            "epoch row of " + epoch.trialId() + " given with trial " + trial.trialId());
      }
    }
    for (LayerStatRow stat : layerStats) {
      if (!stat.trialId().equals(trial.trialId())) {
        throw new IllegalArgumentException(
            "layer_stats row of " + stat.trialId() + " given with trial " + trial.trialId());
      }
    }
    try {
      writeAtomically(LayerStatRow.SCHEMA, trial.trialId(), layerStats);
      writeAtomically(EpochRow.SCHEMA, trial.trialId(), epochs);
      writeAtomically(TrialRow.SCHEMA, trial.trialId(), List.of(trial));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record trial " + trial.trialId() + " under " + root + ": " + e.getMessage(), e);
    }
  }

  /** Writes one file of {@code table} named {@code name} under a hidden name, then renames it. */
  private <R> void writeAtomically(Schema<R> table, String name, List<R> rows) throws IOException {
    Path dir = new Path(root, table.table());
    fs.mkdirs(dir);
    Path temporary = new Path(dir, "." + name + "-" + UUID.randomUUID() + ".tmp");
    Path target = new Path(dir, name + SUFFIX);
    try {
      ParquetFiles.write(temporary, conf, table, rows);
      if (fs.exists(target) && !fs.delete(target, false)) {
        throw new IOException("cannot replace " + target);
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("cannot rename " + temporary + " to " + target);
      }
    } finally {
      fs.delete(temporary, false);
    }
  }

  /** Records one run of a sweep (the {@code runs} table), under its run id. */
  public void recordRun(RunRow run) {
    try {
      writeAtomically(RunRow.SCHEMA, run.runId(), List.of(run));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record run " + run.runId() + " under " + root + ": " + e.getMessage(), e);
    }
  }

  public List<RunRow> readRuns() {
    return readAll(RunRow.SCHEMA);
  }

  public List<TrialRow> readTrials() {
    return readAll(TrialRow.SCHEMA);
  }

  public List<EpochRow> readEpochs() {
    return readAll(EpochRow.SCHEMA);
  }

  public List<LayerStatRow> readLayerStats() {
    return readAll(LayerStatRow.SCHEMA);
  }

  private <R> List<R> readAll(Schema<R> table) {
    List<R> rows = new ArrayList<>();
    for (Path file : files(table.table())) {
      rows.addAll(read(file, table));
    }
    return rows;
  }

  /** The recorded status of one trial, if it is recorded: reads its file only. */
  public Optional<TrialStatus> status(String trialId) {
    Path file = new Path(new Path(root, TRIALS), trialId + SUFFIX);
    try {
      if (!fs.exists(file)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + file + ": " + e.getMessage(), e);
    }
    return read(file, TrialRow.SCHEMA).stream().map(t -> t.outcome().status()).findFirst();
  }

  /** Status of every recorded trial, by id. */
  public Map<String, TrialStatus> statuses() {
    Map<String, TrialStatus> statuses = new TreeMap<>();
    for (TrialRow row : readTrials()) {
      statuses.put(row.trialId(), row.outcome().status());
    }
    return statuses;
  }

  private <R> List<R> read(Path file, Schema<R> table) {
    try {
      return ParquetFiles.read(file, conf, table);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(file + ": cannot read results file: " + e.getMessage(), e);
    }
  }

  private List<Path> files(String table) {
    Path dir = new Path(root, table);
    try {
      if (!fs.exists(dir)) {
        return List.of();
      }
      List<Path> files = new ArrayList<>();
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (status.isFile()
            && name.endsWith(SUFFIX)
            && !name.startsWith(".")
            && !name.startsWith("_")) {
          files.add(status.getPath());
        }
      }
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
