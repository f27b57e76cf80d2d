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
      writeAtomically(
          LAYER_STATS,
          trial.trialId(),
          LayerStatRow.COLUMNS,
          layerStats.stream().map(LayerStatRow::values).toList());
      writeAtomically(
          EPOCHS,
          trial.trialId(),
          EpochRow.COLUMNS,
          epochs.stream().map(EpochRow::values).toList());
      writeAtomically(TRIALS, trial.trialId(), TrialRow.COLUMNS, List.<Object[]>of(trial.values()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record trial " + trial.trialId() + " under " + root + ": " + e.getMessage(), e);
    }
  }

  private void writeAtomically(
      String table, String trialId, List<Column> columns, List<Object[]> rows) throws IOException {
    Path dir = new Path(root, table);
    fs.mkdirs(dir);
    Path temporary = new Path(dir, "." + trialId + "-" + UUID.randomUUID() + ".tmp");
    Path target = new Path(dir, trialId + SUFFIX);
    try {
      ParquetFiles.write(temporary, conf, table, columns, rows);
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
      writeAtomically(RUNS, run.runId(), RunRow.COLUMNS, List.<Object[]>of(run.values()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record run " + run.runId() + " under " + root + ": " + e.getMessage(), e);
    }
  }

  public List<RunRow> readRuns() {
    List<RunRow> rows = new ArrayList<>();
    for (Path file : files(RUNS)) {
      read(file, RunRow.COLUMNS).forEach(values -> rows.add(RunRow.fromValues(values)));
    }
    return rows;
  }

  public List<TrialRow> readTrials() {
    List<TrialRow> rows = new ArrayList<>();
    for (Path file : files(TRIALS)) {
      read(file, TrialRow.COLUMNS).forEach(values -> rows.add(TrialRow.fromValues(values)));
    }
    return rows;
  }

  public List<EpochRow> readEpochs() {
    List<EpochRow> rows = new ArrayList<>();
    for (Path file : files(EPOCHS)) {
      read(file, EpochRow.COLUMNS).forEach(values -> rows.add(EpochRow.fromValues(values)));
    }
    return rows;
  }

  public List<LayerStatRow> readLayerStats() {
    List<LayerStatRow> rows = new ArrayList<>();
    for (Path file : files(LAYER_STATS)) {
      read(file, LayerStatRow.COLUMNS).forEach(values -> rows.add(LayerStatRow.fromValues(values)));
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
    return read(file, TrialRow.COLUMNS).stream()
        .map(v -> TrialRow.fromValues(v).status())
        .findFirst();
  }

  /** Status of every recorded trial, by id. */
  public Map<String, TrialStatus> statuses() {
    Map<String, TrialStatus> statuses = new TreeMap<>();
    for (TrialRow row : readTrials()) {
      statuses.put(row.trialId(), row.status());
    }
    return statuses;
  }

  private List<Object[]> read(Path file, List<Column> columns) {
    try {
      return ParquetFiles.read(file, conf, columns);
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
