package org.sweep4j.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A results directory: {@code trials/}, {@code epochs/} and {@code layer_stats/}, one Parquet file
 * per trial and write in each ({@link TrialFile}), and {@code runs/}, one file per run.
 *
 * <p>A trial's rows appear all at once or not at all. Recording writes the trial's layer_stats
 * file, then its epochs file, then its trials file, each under a hidden name renamed to a name no
 * earlier write used (the attempt number goes up). The trials file is the commit: readers take a
 * trial's newest readable trials file and only the epochs and layer_stats files of that same
 * attempt, so a write stopped at any step leaves the earlier attempt (or nothing) visible, never a
 * mix. Once committed, the earlier attempts' files are deleted. Nothing is ever replaced in place,
 * so any Hadoop file system with an atomic rename works (local, HDFS). A file that cannot be read
 * is named in a warning and skipped.
 */
public final class ResultsStore {
  public static final String TRIALS = "trials";
  public static final String EPOCHS = "epochs";
  public static final String LAYER_STATS = "layer_stats";
  public static final String RUNS = "runs";

  /** Where runs cut the data shards their executors read, one directory per run. */
  public static final String SHARDS = "_shards";

  /**
   * Where one-worker trials keep the training state of their last epoch (and of their best, with
   * restore_best) until they settle, a directory per trial: an interrupted or failed trial resumes
   * from it.
   */
  public static final String CHECKPOINTS = "_checkpoints";

  private static final List<String> TRIAL_TABLES = List.of(LAYER_STATS, EPOCHS, TRIALS);
  private static final String TEMPORARY = ".tmp";
  private static final Logger LOG = LoggerFactory.getLogger(ResultsStore.class);

  private final Path root;
  private final Configuration conf;
  private final FileSystem fs;
  private final Set<String> skipped = new LinkedHashSet<>();
  private List<String> committedListing = List.of();
  private Committed committedCache;

  /**
   * The committed attempt of each trial by id, its rows, and the trials with a trials file that
   * cannot be read (whose files are left alone: a damaged or unreachable file is no proof that
   * nothing was committed).
   */
  private record Committed(
      Map<String, Integer> attempts, List<TrialRow> trials, Set<String> damaged) {}

  private ResultsStore(Path root, Configuration conf) throws IOException {
    this.root = root;
    this.conf = conf;
    this.fs = root.getFileSystem(conf);
    // Local checksum files (.crc) would only clutter a directory users browse by hand.
    this.fs.setWriteChecksum(false);
  }

  public static ResultsStore open(String location) {
    try {
      return new ResultsStore(ResultsLocation.path(location), new Configuration());
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
    return !visibleFiles(table).isEmpty();
  }

  /** Records a trial and its epochs without diagnostics. */
  public void record(TrialRow trial, List<EpochRow> epochs) {
    record(trial, epochs, List.of());
  }

  /**
   * Records a trial, its epochs and its layer diagnostics as a new attempt, superseding whatever an
   * earlier attempt left. The caller holds the trial's claim, so no one else writes it meanwhile.
   */
  public void record(TrialRow trial, List<EpochRow> epochs, List<LayerStatRow> layerStats) {
    String id = trial.trialId();
    requireTrial(id, epochs.stream().map(EpochRow::trialId).toList(), EPOCHS);
    requireTrial(id, layerStats.stream().map(LayerStatRow::trialId).toList(), LAYER_STATS);
    try {
      Map<String, List<TrialFile>> earlier = new TreeMap<>();
      int attempt = -1;
      for (String table : TRIAL_TABLES) {
        List<TrialFile> files = filesOf(table, id);
        earlier.put(table, files);
        attempt = Math.max(attempt, files.stream().mapToInt(TrialFile::attempt).max().orElse(-1));
      }
      String name = TrialFile.name(id, attempt + 1);
      publish(LayerStatRow.SCHEMA, name, layerStats);
      publish(EpochRow.SCHEMA, name, epochs);
      publish(TrialRow.SCHEMA, name, List.of(trial)); // the commit
      for (String table : TRIAL_TABLES) {
        for (TrialFile old : earlier.get(table)) {
          fs.delete(old.path(), false);
        }
        WriteFaults.reached("old-" + table);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record trial " + id + " under " + root + ": " + e.getMessage(), e);
    }
  }

  private static void requireTrial(String trialId, List<String> rowTrials, String table) {
    for (String rowTrial : rowTrials) {
      if (!rowTrial.equals(trialId)) {
        throw new IllegalArgumentException(
            table + " row of " + rowTrial + " given with trial " + trialId);
      }
    }
  }

  /** Writes {@code rows} to a hidden file of the table, then renames it to {@code name}. */
  private <R> void publish(Schema<R> table, String name, List<R> rows) throws IOException {
    Path dir = new Path(root, table.table());
    fs.mkdirs(dir);
    Path temporary = new Path(dir, "." + name + "." + UUID.randomUUID() + TEMPORARY);
    Path target = new Path(dir, name);
    try {
      ParquetFiles.write(temporary, conf, table, rows);
      WriteFaults.reached("temporary-" + table.table());
      if (fs.exists(target)) {
        throw new IOException(target + " already exists: two drivers are recording one trial");
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("cannot rename " + temporary + " to " + target);
      }
      WriteFaults.reached(table.table());
    } finally {
      fs.delete(temporary, false);
    }
  }

  /** Records one run of a sweep (the {@code runs} table), under its run id. */
  public void recordRun(RunRow run) {
    try {
      publish(RunRow.SCHEMA, run.runId() + TrialFile.SUFFIX, List.of(run));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record run " + run.runId() + " under " + root + ": " + e.getMessage(), e);
    }
  }

  public List<RunRow> readRuns() {
    List<RunRow> rows = new ArrayList<>();
    for (TrialFile file : visibleFiles(RUNS)) {
      rows.addAll(readOrSkip(file.path(), RunRow.SCHEMA));
    }
    return rows;
  }

  /** The committed row of every recorded trial. */
  public List<TrialRow> readTrials() {
    return committed().trials();
  }

  /** The epochs of every recorded trial, from the attempt its trials row commits. */
  public List<EpochRow> readEpochs() {
    return readCommitted(EpochRow.SCHEMA, committed().attempts());
  }

  /** As {@link #readEpochs()}, for the layer diagnostics. */
  public List<LayerStatRow> readLayerStats() {
    return readCommitted(LayerStatRow.SCHEMA, committed().attempts());
  }

  /**
   * The files of {@code table} that queries may read: the committed attempts' (every visible,
   * readable file for {@code runs}). Damaged files are named in a warning and left out.
   */
  public List<String> readableFiles(String table) {
    Map<String, Integer> attempts = RUNS.equals(table) ? null : committed().attempts();
    List<String> files = new ArrayList<>();
    for (TrialFile file : visibleFiles(table)) {
      boolean current = attempts == null || isCommitted(file, attempts);
      if (current && TRIALS.equals(table)) {
        files.add(fs.makeQualified(file.path()).toString()); // committed() has just read it
      } else if (current) {
        Optional<String> problem = ParquetFiles.unreadable(file.path(), conf);
        if (problem.isEmpty()) {
          files.add(fs.makeQualified(file.path()).toString());
        } else {
          skip(file.path(), table, problem.get());
        }
      }
    }
    return files;
  }

  /** The recorded status of one trial, if it is recorded: reads its own files only. */
  public Optional<TrialStatus> status(String trialId) {
    return filesOf(TRIALS, trialId).stream()
        .sorted(Comparator.comparingInt(TrialFile::attempt).reversed())
        .map(file -> readOrSkip(file.path(), TrialRow.SCHEMA))
        .filter(rows -> !rows.isEmpty())
        .map(rows -> rows.get(0).outcome().status())
        .findFirst();
  }

  /** Removes a trial's checkpoint, as {@link #removeCheckpointDirectory}. */
  public void removeCheckpoint(String trialId) {
    removeCheckpointDirectory(new Path(new Path(root, CHECKPOINTS), trialId).toString());
  }

  /**
   * Removes one trial's checkpoint directory; a checkpoint left behind costs only disk, so failures
   * are ignored. The shared {@code _checkpoints} directory stays while trials run: removing it
   * between another trial's check that it exists and its mkdir inside fails that trial's checkpoint
   * write ({@link #removeEmptyCheckpoints} at the end of a run).
   */
  public static void removeCheckpointDirectory(String directory) {
    try {
      Path path = new Path(directory);
      path.getFileSystem(new Configuration()).delete(path, true);
    } catch (IOException e) {
      LOG.debug("cannot remove the checkpoint {}: {}", directory, e.getMessage());
    }
  }

  /** Removes {@code _checkpoints} if no trial has one: for a driver whose trials have all ended. */
  public void removeEmptyCheckpoints() {
    try {
      Path checkpoints = new Path(root, CHECKPOINTS);
      removeIfEmpty(checkpoints.getFileSystem(new Configuration()), checkpoints);
    } catch (IOException e) {
      LOG.debug("cannot remove {}: {}", CHECKPOINTS, e.getMessage());
    }
  }

  /**
   * Removes {@code dir} only if it is empty at that instant, so a directory another driver has just
   * made inside stays. HDFS checks emptiness in the same operation as the delete; Hadoop's local
   * file system lists first and then deletes recursively, which can take a directory made in
   * between, so there it is one {@code rmdir}.
   */
  public static void removeIfEmpty(FileSystem fs, Path dir) throws IOException {
    if (fs instanceof LocalFileSystem local) {
      local.pathToFile(dir).delete(); // rmdir: fails, harmlessly, on a directory with entries
    } else if (fs instanceof RawLocalFileSystem raw) {
      raw.pathToFile(dir).delete();
    } else {
      try {
        fs.delete(dir, false);
      } catch (PathIsNotEmptyDirectoryException e) {
        // someone made an entry in it: it stays
      }
    }
  }

  /** A trial's committed row with its epochs and layer diagnostics. */
  public record Recorded(TrialRow trial, List<EpochRow> epochs, List<LayerStatRow> layerStats) {}

  /** The committed attempt of one trial, if any: reads its own files only. */
  public Optional<Recorded> recorded(String trialId) {
    for (TrialFile file :
        filesOf(TRIALS, trialId).stream()
            .sorted(Comparator.comparingInt(TrialFile::attempt).reversed())
            .toList()) {
      List<TrialRow> rows = readOrSkip(file.path(), TrialRow.SCHEMA);
      if (!rows.isEmpty()) {
        Map<String, Integer> attempt = Map.of(trialId, file.attempt());
        return Optional.of(
            new Recorded(
                rows.get(0),
                readAttempt(EpochRow.SCHEMA, trialId, attempt),
                readAttempt(LayerStatRow.SCHEMA, trialId, attempt)));
      }
    }
    return Optional.empty();
  }

  private <R> List<R> readAttempt(Schema<R> table, String trialId, Map<String, Integer> attempt) {
    List<R> rows = new ArrayList<>();
    for (TrialFile file : filesOf(table.table(), trialId)) {
      if (isCommitted(file, attempt)) {
        rows.addAll(readOrSkip(file.path(), table));
      }
    }
    return rows;
  }

  /** Status of every recorded trial, by id. */
  public Map<String, TrialStatus> statuses() {
    Map<String, TrialStatus> statuses = new TreeMap<>();
    for (TrialRow row : readTrials()) {
      statuses.put(row.trialId(), row.outcome().status());
    }
    return statuses;
  }

  /**
   * Removes what interrupted writes left: hidden temporary files, files of attempts that were never
   * committed and files of superseded ones, for every trial not {@code claimedByLiveDriver} (whose
   * write may be under way) and without a damaged trials file. Returns how many files were removed.
   */
  public int removeLeftovers(Predicate<String> claimedByLiveDriver) {
    Committed committed = committed();
    int removed = 0;
    for (String table : TRIAL_TABLES) {
      for (FileStatus status : list(new Path(root, table))) {
        Optional<String> trial =
            leftover(status.getPath(), committed.attempts()).map(TrialFile::trialId);
        if (trial.isPresent()
            && !committed.damaged().contains(trial.get())
            && !claimedByLiveDriver.test(trial.get())) {
          removed += delete(status.getPath()) ? 1 : 0;
        }
      }
    }
    return removed;
  }

  /** The trial of a leftover file (temporary, or not the committed attempt), else empty. */
  private static Optional<TrialFile> leftover(Path path, Map<String, Integer> attempts) {
    String name = path.getName();
    if (name.startsWith(".") && name.endsWith(TEMPORARY)) {
      String visible = name.substring(1, name.length() - TEMPORARY.length());
      int uuid = visible.lastIndexOf('.');
      return uuid < 0
          ? Optional.empty()
          : TrialFile.parse(new Path(path.getParent(), visible.substring(0, uuid)));
    }
    return TrialFile.parse(path).filter(file -> !isCommitted(file, attempts));
  }

  private boolean delete(Path path) {
    try {
      return fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("cannot remove leftover {}: {}", path, e.getMessage());
      return false;
    }
  }

  private static boolean isCommitted(TrialFile file, Map<String, Integer> attempts) {
    Integer committed = attempts.get(file.trialId());
    return committed != null && committed == file.attempt();
  }

  /**
   * Each trial's newest readable trials file. Trials files are only ever added or deleted, never
   * rewritten, so while the trials listing (names, sizes, times) is unchanged the last answer
   * stands: a report, a resume or an sql call reads each trials file once, not once per table.
   */
  private synchronized Committed committed() {
    List<FileStatus> statuses = list(new Path(root, TRIALS));
    List<String> listing =
        statuses.stream()
            .map(s -> s.getPath().getName() + " " + s.getLen() + " " + s.getModificationTime())
            .sorted()
            .toList();
    if (committedCache == null || !listing.equals(committedListing)) {
      committedCache = findCommitted(visible(statuses));
      committedListing = listing;
    }
    return committedCache;
  }

  private Committed findCommitted(List<TrialFile> trialsFiles) {
    Map<String, List<TrialFile>> byTrial = new TreeMap<>();
    for (TrialFile file : trialsFiles) {
      byTrial.computeIfAbsent(file.trialId(), k -> new ArrayList<>()).add(file);
    }
    Map<String, Integer> attempts = new TreeMap<>();
    List<TrialRow> trials = new ArrayList<>();
    Set<String> damaged = new LinkedHashSet<>();
    byTrial.forEach(
        (id, files) -> {
          files.sort(Comparator.comparingInt(TrialFile::attempt).reversed());
          for (TrialFile file : files) {
            List<TrialRow> rows = readOrSkip(file.path(), TrialRow.SCHEMA);
            if (!rows.isEmpty()) {
              attempts.put(id, file.attempt());
              trials.addAll(rows);
              return;
            }
            damaged.add(id);
          }
        });
    return new Committed(attempts, trials, damaged);
  }

  private <R> List<R> readCommitted(Schema<R> table, Map<String, Integer> attempts) {
    List<R> rows = new ArrayList<>();
    for (TrialFile file : visibleFiles(table.table())) {
      if (isCommitted(file, attempts)) {
        rows.addAll(readOrSkip(file.path(), table));
      }
    }
    return rows;
  }

  private <R> List<R> readOrSkip(Path file, Schema<R> table) {
    try {
      return ParquetFiles.read(file, conf, table);
    } catch (IOException | RuntimeException e) {
      skip(file, table.table(), e.getMessage());
      return List.of();
    }
  }

  /** Warns, once per file, that a damaged file is left out. */
  private synchronized void skip(Path file, String table, String problem) {
    String message = file + ": skipped, not a readable " + table + " file (" + problem + ")";
    if (skipped.add(message)) {
      LOG.warn(message);
    }
  }

  /** The damaged files left out so far, each with why. */
  public synchronized List<String> skipped() {
    return List.copyOf(skipped);
  }

  private List<TrialFile> filesOf(String table, String trialId) {
    return visibleFiles(table).stream().filter(f -> f.trialId().equals(trialId)).toList();
  }

  /** The table's visible files, sorted; anything else in its directory is ignored. */
  private List<TrialFile> visibleFiles(String table) {
    return visible(list(new Path(root, table)));
  }

  private static List<TrialFile> visible(List<FileStatus> statuses) {
    List<TrialFile> files = new ArrayList<>();
    for (FileStatus status : statuses) {
      if (status.isFile()) {
        TrialFile.parse(status.getPath()).ifPresent(files::add);
      }
    }
    files.sort(Comparator.comparing(f -> f.path().getName()));
    return files;
  }

  private List<FileStatus> list(Path dir) {
    try {
      return fs.exists(dir) ? List.of(fs.listStatus(dir)) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
