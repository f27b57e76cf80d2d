package org.sweep4j.training;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialStatus;

/**
 * Where a one-worker trial's training state lives between epochs ({@code
 * RESULTS/_checkpoints/<trial>/epoch-N}), and whether a trial can go on from it: a trial recorded
 * as interrupted or failed after K epochs, with the state of epoch K, resumes at epoch K + 1 with
 * its recorded epochs, and learns what it would have learnt without the stop (the state holds the
 * weights, Adam's moments and the iteration count; minibatch order and dropout masks are drawn per
 * epoch from the seed). Trials that keep their best epoch's weights (restore_best), and trials of
 * several workers (DL4J's averaging holds its own state), start again from epoch 1.
 */
final class TrialCheckpoint {
  private TrialCheckpoint() {}

  /** What a resumed trial carries over: its recorded epochs 1..K. */
  record Resume(List<EpochRow> epochs, List<LayerStatRow> layerStats) {
    int epoch() {
      return epochs.size();
    }
  }

  static String directory(String results, String trialId) {
    return results + "/" + ResultsStore.CHECKPOINTS + "/" + trialId;
  }

  static String stateFile(String directory, int epoch) {
    return directory + "/epoch-" + epoch;
  }

  /** The epochs {@code trial} may go on from, if its last attempt left them and their state. */
  static Optional<Resume> find(ResultsStore store, TrialSpec trial) {
    if (trial.distribution().workers() != 1
        || (trial.training().earlyStopping() != null
            && trial.training().earlyStopping().restoreBest())) {
      return Optional.empty();
    }
    return store
        .recorded(trial.id())
        .filter(
            r ->
                r.trial().outcome().status() == TrialStatus.INTERRUPTED
                    || r.trial().outcome().status() == TrialStatus.FAILED)
        .flatMap(
            r -> {
              List<EpochRow> epochs =
                  r.epochs().stream()
                      .sorted(java.util.Comparator.comparingInt(EpochRow::epoch))
                      .toList();
              int k = epochs.size();
              boolean whole =
                  k >= 1
                      && k < trial.training().epochs()
                      && epochs.get(k - 1).epoch() == k
                      && exists(stateFile(directory(store.location(), trial.id()), k));
              return whole ? Optional.of(new Resume(epochs, r.layerStats())) : Optional.empty();
            });
  }

  /**
   * Removes the checkpoints of trials that cannot resume from them: settled or never recorded (a
   * driver killed before recording), unless a live driver holds the trial.
   */
  static int removeStale(ResultsStore store, Predicate<String> claimedByLiveDriver) {
    Path root = new Path(store.location(), ResultsStore.CHECKPOINTS);
    int removed = 0;
    try {
      FileSystem fs = root.getFileSystem(new Configuration());
      if (!fs.exists(root)) {
        return 0;
      }
      var statuses = store.statuses();
      for (FileStatus child : fs.listStatus(root)) {
        String id = child.getPath().getName();
        TrialStatus status = statuses.get(id);
        boolean resumable = status == TrialStatus.INTERRUPTED || status == TrialStatus.FAILED;
        if (!resumable && !claimedByLiveDriver.test(id)) {
          removed += fs.delete(child.getPath(), true) ? 1 : 0;
        }
      }
      ResultsStore.removeIfEmpty(fs, root); // another driver's trial may be making its own
    } catch (IOException e) {
      // Left for the next run: a checkpoint costs only disk.
    }
    return removed;
  }

  static boolean exists(String uri) {
    try {
      Path path = new Path(uri);
      return path.getFileSystem(new Configuration()).exists(path);
    } catch (IOException e) {
      return false;
    }
  }

  static void delete(String uri) {
    try {
      Path path = new Path(uri);
      path.getFileSystem(new Configuration()).delete(path, true);
    } catch (IOException e) {
      // A checkpoint left behind costs only disk; the next run removes it.
    }
  }
}
