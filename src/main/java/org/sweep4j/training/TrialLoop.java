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
 * was held back.
 */
final class TrialLoop {
  private TrialLoop() {}

  /**
   * @param label shown as the Spark job description, e.g. "trial 3/8 small_cnn relu seed 1"
   */
  static TrialOutcome run(
      JavaSparkContext sc,
      TrialSpec trial,
      EpochTrainer trainer,
      TrialData data,
      String label,
      EpochListener listener) {
    List<EpochRow> epochs = new ArrayList<>();
    List<LayerStatRow> layerStats = new ArrayList<>();
    EarlyStopping stopping = trial.training().earlyStopping();
    double bestLoss = Double.POSITIVE_INFINITY;
    EpochRow bestRow = null;
    int epochsWithoutGain = 0;
    String backend = null;
    try {
      for (int epoch = 1; epoch <= trial.training().epochs(); epoch++) {
        sc.setJobDescription(
            label + " epoch " + epoch + "/" + trial.training().epochs() + " [" + trial.id() + "]");
        EpochResult result = trainer.train(epoch);
        EpochRow row = result.row();
        backend =
            result.backend() == null || result.backend().equals(lastBackend(backend))
                ? backend
                : backend == null ? result.backend() : backend + " then " + result.backend();
        epochs.add(row);
        layerStats.addAll(result.layerStats());
        listener.onEpoch(trial, row);
        if (result.diverged()) {
          return new TrialOutcome(
              TrialStatus.DIVERGED,
              "loss became "
                  + (Double.isFinite(row.trainLoss()) ? row.valLoss() : row.trainLoss())
                  + " in epoch "
                  + epoch,
              epochs,
              layerStats,
              trainer.params(),
              null,
              null,
              backend);
        }
        if (stopping != null) {
          if (stopping.improves(row.valLoss(), bestLoss)) {
            bestLoss = row.valLoss();
            bestRow = row;
            if (stopping.restoreBest()) {
              trainer.keepAsBest();
            }
            epochsWithoutGain = 0;
          } else if (++epochsWithoutGain >= stopping.patience()) {
            break;
          }
        }
      }
      EpochRow last = epochs.get(epochs.size() - 1);
      if (stopping != null && stopping.restoreBest() && bestRow != null && bestRow != last) {
        // restore_best: the trial ends with its best epoch's weights, and is tested with them.
        trainer.restoreBest();
        last = bestRow;
      }
      if (data.finalTest() == null) {
        // The test set was the validation set: the (restored) epoch's scoring is the test result.
        return new TrialOutcome(
            TrialStatus.FINISHED,
            null,
            epochs,
            layerStats,
            trainer.params(),
            last.valLoss(),
            last.valAccuracy(),
            backend);
      }
      sc.setJobDescription(label + " test set [" + trial.id() + "]");
      EvalCounts test = trainer.test();
      return new TrialOutcome(
          TrialStatus.FINISHED,
          null,
          epochs,
          layerStats,
          trainer.params(),
          test.loss(),
          test.accuracy(),
          backend);
    } catch (Exception e) {
      // Spark's SparkException is checked but thrown undeclared from Scala code, hence Exception.
      // The epochs
      // trained before the failure stay with the failed trial.
      return new TrialOutcome(
          TrialStatus.FAILED,
          describe(e),
          epochs,
          layerStats,
          trainer.params(),
          null,
          null,
          backend);
    } finally {
      sc.setJobDescription(null);
    }
  }

  /** Epochs that ran with other threads than the ones before are listed: "A then B". */
  private static String lastBackend(String backends) {
    return backends == null
        ? null
        : backends.substring(
            backends.lastIndexOf(" then ") < 0
                ? 0
                : backends.lastIndexOf(" then ") + " then ".length());
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
