package org.sweep4j.training;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweep4j.config.EarlyStopping;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.TrialStatus;

/**
 * Runs one trial's epochs on an {@link EpochTrainer}: stops at the first epoch whose loss is NaN or
 * infinite (diverged), or, with early stopping, once validation loss has not improved for {@code
 * patience} epochs, optionally ending with the best epoch's weights; then scores the test set if it
 * was held back. A failure or an interrupt keeps the epochs trained before it.
 */
final class TrialLoop {
  private final JavaSparkContext sc;
  private final TrialSpec trial;
  private final EpochTrainer trainer;
  private final String label;
  private final List<EpochRow> epochs = new ArrayList<>();
  private final List<LayerStatRow> layerStats = new ArrayList<>();
  private final EarlyStopping stopping;
  private final SweepInterrupt interrupt;

  /** What a trial paused at a pruning rung is recorded with, followed by the epoch. */
  static final String PAUSED = "paused for pruning after epoch ";

  private double bestLoss = Double.POSITIVE_INFINITY;
  private EpochRow bestRow;
  private int epochsWithoutGain;
  private String backend;

  private TrialLoop(
      JavaSparkContext sc,
      TrialSpec trial,
      EpochTrainer trainer,
      String label,
      SweepInterrupt interrupt) {
    this.sc = sc;
    this.interrupt = interrupt;
    this.trial = trial;
    this.trainer = trainer;
    this.label = label;
    this.stopping = trial.training().earlyStopping();
  }

  /**
   * @param label shown as the Spark job description, e.g. "trial 3/8 small_cnn relu seed 1"
   */
  static TrialOutcome run(
      JavaSparkContext sc,
      TrialSpec trial,
      EpochTrainer trainer,
      TrialData data,
      String label,
      EpochListener listener,
      SweepInterrupt interrupt,
      TrialCheckpoint.Resume resume,
      int pauseAfter) {
    TrialLoop loop = new TrialLoop(sc, trial, trainer, label, interrupt);
    try {
      int first = resume == null ? 1 : loop.resume(resume);
      return loop.epochs(first, pauseAfter, data, listener);
    } catch (Exception e) {
      // Spark's SparkException is checked but thrown undeclared from Scala code, hence Exception.
      // After a signal, the failure is the cancelled job's: the trial was interrupted, not failed.
      return interrupt.requested()
          ? loop.interrupted()
          : loop.ended(TrialStatus.FAILED, describe(e));
    } finally {
      sc.setJobDescription(null);
    }
  }

  /**
   * Takes over a stopped attempt's epochs (early stopping's bookkeeping replayed over them) and
   * puts the trainer at their checkpoint; returns the next epoch.
   */
  private int resume(TrialCheckpoint.Resume resume) {
    for (EpochRow row : resume.epochs()) {
      epochs.add(row);
      if (stopping != null) {
        stopsAfter(row); // never stops: the attempt went on after each of these epochs
      }
    }
    layerStats.addAll(resume.layerStats());
    trainer.resumeFrom(resume.epoch());
    return resume.epoch() + 1;
  }

  private TrialOutcome epochs(int first, int pauseAfter, TrialData data, EpochListener listener) {
    for (int epoch = first; epoch <= trial.training().epochs(); epoch++) {
      if (interrupt.requested()) {
        return interrupted();
      }
      sc.setJobDescription(
          label + " epoch " + epoch + "/" + trial.training().epochs() + " [" + trial.id() + "]");
      EpochResult result = trainer.train(epoch);
      EpochRow row = result.row();
      noteBackend(result.backend());
      epochs.add(row);
      layerStats.addAll(result.layerStats());
      listener.onEpoch(trial, row);
      if (result.diverged()) {
        double loss = Double.isFinite(row.trainLoss()) ? row.valLoss() : row.trainLoss();
        return ended(TrialStatus.DIVERGED, "loss became " + loss + " in epoch " + epoch);
      }
      if (stopping != null && stopsAfter(row)) {
        break;
      }
      if (epoch == pauseAfter && epoch < trial.training().epochs()) {
        return ended(TrialStatus.INTERRUPTED, PAUSED + epoch);
      }
    }
    return finish(data);
  }

  /** Early stopping's bookkeeping after an epoch; true when the trial stops here. */
  private boolean stopsAfter(EpochRow row) {
    if (stopping.improves(row.valLoss(), bestLoss)) {
      bestLoss = row.valLoss();
      bestRow = row;
      if (stopping.restoreBest()) {
        trainer.keepAsBest();
      }
      epochsWithoutGain = 0;
      return false;
    }
    return ++epochsWithoutGain >= stopping.patience();
  }

  /** Restores the best epoch's weights if asked, then the test result. */
  private TrialOutcome finish(TrialData data) {
    EpochRow last = epochs.get(epochs.size() - 1);
    if (stopping != null && stopping.restoreBest() && bestRow != null && bestRow != last) {
      // restore_best: the trial ends with its best epoch's weights, and is tested with them.
      trainer.restoreBest();
      last = bestRow;
    }
    if (data.finalTest() == null) {
      // The test set was the validation set: the (restored) epoch's scoring is the test result.
      return finished(last, last.valLoss(), last.valAccuracy());
    }
    sc.setJobDescription(label + " test set [" + trial.id() + "]");
    EvalCounts test = trainer.test();
    return finished(last, test.loss(), test.accuracy());
  }

  /** A trial that ended without a test result (diverged, failed). */
  private TrialOutcome ended(TrialStatus status, String error) {
    Integer lastEpoch = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1).epoch();
    return new TrialOutcome(
        status, error, epochs, layerStats, trainer.params(), null, null, backend, lastEpoch);
  }

  private TrialOutcome interrupted() {
    return ended(
        TrialStatus.INTERRUPTED,
        interrupt.signalName()
            + " after "
            + epochs.size()
            + " of "
            + trial.training().epochs()
            + " epochs");
  }

  /** A finished trial that ended with the weights of epoch {@code kept}. */
  private TrialOutcome finished(EpochRow kept, double testLoss, double testAccuracy) {
    return new TrialOutcome(
        TrialStatus.FINISHED,
        null,
        epochs,
        layerStats,
        trainer.params(),
        testLoss,
        testAccuracy,
        backend,
        kept.epoch());
  }

  /** Epochs that ran with other threads than the ones before are listed: "A then B". */
  private void noteBackend(String reported) {
    if (reported == null || reported.equals(lastBackend())) {
      return;
    }
    backend = backend == null ? reported : backend + " then " + reported;
  }

  private String lastBackend() {
    if (backend == null) {
      return null;
    }
    int at = backend.lastIndexOf(" then ");
    return at < 0 ? backend : backend.substring(at + " then ".length());
  }

  /** The chain of causes, at most four deep: "SparkException: … <- IOException: …". */
  static String describe(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
      messages.add(t.getClass().getSimpleName() + ": " + t.getMessage());
    }
    return String.join(" <- ", messages);
  }
}
