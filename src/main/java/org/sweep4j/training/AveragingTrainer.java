package org.sweep4j.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sweep4j.data.ShardLoader;
import org.sweep4j.dl4jm2.NativeThreads;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.results.LayerStatRow;

/**
 * Trains a trial with DL4J parameter averaging: {@code workers} copies fit {@code
 * averaging_frequency} minibatches each, then parameters and Adam state are averaged (saveUpdater
 * on: DL4J's default is off, which would reset Adam after every round). Every round is a Spark job;
 * the averaged network lives on the driver, which scores it with one Spark job per scoring set and
 * measures the diagnostics itself.
 */
public final class AveragingTrainer implements EpochTrainer {
  private final JavaSparkContext sc;
  private final TrialSpec trial;
  private final TrialData data;
  private final IntSupplier threads;
  private final ParameterAveragingTrainingMaster master;
  private final SparkDl4jMultiLayer network;
  private final JavaRDD<String> trainShards;
  private INDArray bestParams;

  /**
   * @param threads native threads per task, asked before every epoch; 0 leaves them as the
   *     executors have them
   */
  AveragingTrainer(JavaSparkContext sc, TrialSpec trial, TrialData data, IntSupplier threads) {
    this.sc = sc;
    this.trial = trial;
    this.data = data;
    this.threads = threads;
    this.master = trainingMaster(trial);
    this.network = new SparkDl4jMultiLayer(sc, ModelFactory.build(trial), master);
    this.trainShards = data.train(sc, trial.distribution());
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

  @Override
  public long params() {
    return network.getNetwork().numParams();
  }

  @Override
  public EpochResult train(int epoch) {
    int perTask = threads.getAsInt();
    if (perTask > 0) {
      NativeThreads.set(perTask);
    }
    long start = System.nanoTime();
    network.fitPaths(
        trainShards,
        new PinnedShardLoader(ShardLoader.forEpoch(trial.augmentation(), trial.seed(), epoch)));
    double seconds = (System.nanoTime() - start) / 1e9;
    MultiLayerNetwork trained = network.getNetwork();
    int scoringTasks = scoringTasks();
    EvalCounts validation =
        ShardEvaluator.evaluate(
            sc, trained, TrialData.scoring(sc, data.validation(), scoringTasks));
    EvalCounts training =
        ShardEvaluator.evaluate(sc, trained, TrialData.scoring(sc, data.trainEval(), scoringTasks));
    List<LayerStatRow> stats =
        data.probe() == null ? List.of() : LayerProbe.measure(trial.id(), epoch, trained, probe());
    return EpochResult.of(
        trial.id(),
        epoch,
        training,
        validation,
        seconds,
        data.trainImages(),
        stats,
        network.getScore(),
        null);
  }

  /**
   * In local mode no more scoring tasks than training tasks (their threads are sized for that
   * many).
   */
  private int scoringTasks() {
    return SparkSetup.isLocal(sc.master())
        ? Math.min(trial.distribution().workers(), SparkSetup.localSlots(sc.master()))
        : Math.max(1, sc.defaultParallelism());
  }

  private org.nd4j.linalg.dataset.DataSet probe() {
    try {
      return ShardEvaluator.load(data.probe());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the probe batch " + data.probe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void keepAsBest() {
    bestParams = network.getNetwork().params().dup();
  }

  @Override
  public void restoreBest() {
    network.getNetwork().setParams(bestParams);
  }

  @Override
  public EvalCounts test() {
    return ShardEvaluator.evaluate(
        sc, network.getNetwork(), TrialData.scoring(sc, data.finalTest(), scoringTasks()));
  }

  @Override
  public void close() {
    master.deleteTempFiles(sc);
  }
}
