package org.sweep4j.training;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sweep4j.config.EarlyStopping;
import org.sweep4j.data.ShardLoader;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.TrialStatus;

/**
 * Trains one trial with DL4J parameter averaging: {@code workers} copies fit {@code averaging_frequency}
 * minibatches each, then parameters and Adam state are averaged (saveUpdater on: DL4J's default is off, which
 * would reset Adam after every round). Each epoch is one pass over the training shards in an order the
 * trial's seed fixes, followed by scoring on the test and training-evaluation shards. With early stopping the
 * trial ends once validation loss has not improved for {@code patience} epochs, optionally with its best
 * epoch's weights restored.
 */
public final class SparkTrialRunner {
  private final JavaSparkContext sc;

  public SparkTrialRunner(JavaSparkContext sc) {
    this.sc = sc;
  }

  /** The parameter averaging a trial's distribution section asks for (the bench uses the same). */
  public static ParameterAveragingTrainingMaster trainingMaster(TrialSpec trial) {
    return new ParameterAveragingTrainingMaster.Builder(
        trial.distribution().workers(), trial.distribution().batchSizePerWorker())
        .batchSizePerWorker(trial.distribution().batchSizePerWorker())
        .averagingFrequency(trial.distribution().averagingFrequency())
        .workerPrefetchNumBatches(0)
        .saveUpdater(true)
        .rngSeed(trial.seed())
        .build();
  }

  /** @param label shown as the Spark job description, e.g. "trial 3/8 small_cnn relu seed 1" */
  public TrialOutcome run(TrialSpec trial, TrialData data, String label, EpochListener listener) {
    ParameterAveragingTrainingMaster master = trainingMaster(trial);
    SparkDl4jMultiLayer network = new SparkDl4jMultiLayer(sc, ModelFactory.build(trial), master);
    long params = network.getNetwork().numParams();
    org.apache.spark.api.java.JavaRDD<String> trainShards = data.train(sc, trial.distribution());
    List<EpochRow> epochs = new ArrayList<>();
    List<LayerStatRow> layerStats = new ArrayList<>();
    EarlyStopping stopping = trial.training().earlyStopping();
    double bestLoss = Double.POSITIVE_INFINITY;
    EpochRow bestRow = null;
    INDArray bestParams = null;
    int epochsWithoutGain = 0;
    try {
      for (int epoch = 1; epoch <= trial.training().epochs(); epoch++) {
        sc.setJobDescription(label + " epoch " + epoch + "/" + trial.training().epochs() + " [" + trial.id() + "]");
        long start = System.nanoTime();
        // A seed per trial and epoch: fresh crops and flips every epoch, the same ones on every rerun.
        ShardLoader loader = new ShardLoader(trial.augmentation(), trial.seed() * 10_007L + epoch);
        network.fitPaths(trainShards, new PinnedShardLoader(loader));
        double seconds = (System.nanoTime() - start) / 1e9;
        MultiLayerNetwork trained = network.getNetwork();
        EvalCounts validation = ShardEvaluator.evaluate(sc, trained, data.validation());
        EvalCounts training = ShardEvaluator.evaluate(sc, trained, data.trainEval());
        EpochRow row = new EpochRow(trial.id(), epoch, training.loss(), training.accuracy(), validation.loss(),
            validation.accuracy(), seconds, data.trainImages() / Math.max(seconds, 1e-9));
        epochs.add(row);
        if (data.probe() != null) {
          layerStats.addAll(LayerProbe.measure(trial.id(), epoch, trained, data.probe()));
        }
        listener.onEpoch(trial, row);
        if (row.diverged() || !Double.isFinite(network.getScore())) {
          return new TrialOutcome(TrialStatus.DIVERGED, "loss became " + (Double.isFinite(row.trainLoss())
              ? row.valLoss() : row.trainLoss()) + " in epoch " + epoch, epochs, layerStats, params, null, null);
        }
        if (stopping != null) {
          if (stopping.improves(row.valLoss(), bestLoss)) {
            bestLoss = row.valLoss();
            bestRow = row;
            bestParams = stopping.restoreBest() ? trained.params().dup() : null;
            epochsWithoutGain = 0;
          } else if (++epochsWithoutGain >= stopping.patience()) {
            break;
          }
        }
      }
      EpochRow last = epochs.get(epochs.size() - 1);
      if (bestParams != null && bestRow != last) {
        // restore_best: the trial ends with its best epoch's weights, and is tested with them.
        network.getNetwork().setParams(bestParams);
        last = bestRow;
      }
      if (data.finalTest() == null) {
        // The test set was the validation set: the (restored) epoch's scoring is the test result.
        return new TrialOutcome(TrialStatus.FINISHED, null, epochs, layerStats, params, last.valLoss(),
            last.valAccuracy());
      }
      sc.setJobDescription(label + " test set [" + trial.id() + "]");
      EvalCounts test = ShardEvaluator.evaluate(sc, network.getNetwork(), data.finalTest());
      return new TrialOutcome(TrialStatus.FINISHED, null, epochs, layerStats, params, test.loss(), test.accuracy());
    } finally {
      sc.setJobDescription(null);
      master.deleteTempFiles(sc);
    }
  }
}
