package org.sweep4j.training;

import java.io.IOException;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.sweep4j.data.ShardLoader;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.results.ResultsStore;

/**
 * Trains a one-worker trial with one Spark task per epoch ({@link EpochTask}): the task trains the
 * whole epoch and scores it on the executor, so the driver runs one small job per epoch instead of
 * one job per averaging round, and the parameters travel between epochs as state files, not through
 * the driver. Learns exactly what DL4J's parameter averaging with one worker learns (same
 * minibatches, same order, same iteration counter).
 */
final class SingleTaskTrainer implements EpochTrainer {
  private final JavaSparkContext sc;
  private final TrialSpec trial;
  private final TrialData data;
  private final IntSupplier threads;
  private final String configuration;
  private final long params;
  private final AveragingRounds rounds;
  private final String stateDirectory;
  private String current;
  private String best;
  private boolean keepCheckpoint;

  /**
   * @param threads native threads each epoch task gets, asked when it is submitted (0: the executor
   *     decides)
   * @param stateDirectory where each epoch's state goes ({@link TrialCheckpoint#directory})
   */
  SingleTaskTrainer(
      JavaSparkContext sc,
      TrialSpec trial,
      TrialData data,
      IntSupplier threads,
      String stateDirectory) {
    if (trial.distribution().workers() != 1) {
      throw new IllegalArgumentException(
          trial.id() + " has " + trial.distribution().workers() + " workers");
    }
    this.sc = sc;
    this.trial = trial;
    this.data = data;
    this.threads = threads;
    MultiLayerConfiguration conf = ModelFactory.build(trial);
    this.configuration = conf.toJson();
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init();
    this.params = network.numParams();
    this.rounds = new AveragingRounds(trial.seed(), trial.distribution().averagingFrequency());
    this.stateDirectory = stateDirectory;
  }

  @Override
  public long params() {
    return params;
  }

  @Override
  public EpochResult train(int epoch) {
    List<String> shards = data.trainShards(trial.distribution());
    EpochTask.Plan plan =
        new EpochTask.Plan(
            shards,
            rounds.nextEpoch(shards.size()),
            trial.distribution().batchSizePerWorker(),
            trial.distribution().averagingFrequency(),
            ShardLoader.forEpoch(trial.augmentation(), trial.seed(), epoch));
    String next = TrialCheckpoint.stateFile(stateDirectory, epoch);
    EpochTask task =
        new EpochTask(
            trial.id(),
            trial.seed(),
            epoch,
            configuration,
            current,
            next,
            plan,
            new EpochTask.Scoring(data.validation(), data.trainEval(), data.probe()),
            threads.getAsInt());
    EpochTaskResult result = sc.parallelize(List.of(epoch), 1).mapPartitions(task).collect().get(0);
    if (current != null && !current.equals(best)) {
      delete(current);
    }
    current = next;
    EvalCounts validation = result.validation();
    EvalCounts training = result.trainEval();
    return EpochResult.of(
        trial.id(),
        epoch,
        training,
        validation,
        result.trainSeconds,
        data.trainImages(),
        result.layerStats(trial.id(), epoch),
        result.score,
        result.backend);
  }

  @Override
  public void resumeFrom(int epoch) {
    List<String> shards = data.trainShards(trial.distribution());
    for (int e = 1; e <= epoch; e++) {
      rounds.nextEpoch(shards.size()); // the order DL4J would have drawn for the epochs done
    }
    current = TrialCheckpoint.stateFile(stateDirectory, epoch);
  }

  @Override
  public void keepCheckpoint() {
    keepCheckpoint = true;
  }

  @Override
  public void keepAsBest() {
    if (best != null && !best.equals(current)) {
      delete(best);
    }
    best = current;
  }

  @Override
  public void restoreBest() {
    if (best == null) {
      throw new IllegalStateException(trial.id() + ": no best epoch was kept");
    }
    current = best;
  }

  @Override
  public EvalCounts test() {
    MultiLayerNetwork network =
        new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
    try {
      TrainingState.read(current, new Configuration()).applyTo(network);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot read the trained state " + current + ": " + e.getMessage(), e);
    }
    return ShardEvaluator.evaluate(sc, network, TrialData.scoring(sc, data.finalTest(), 1));
  }

  @Override
  public void close() {
    if (!keepCheckpoint) {
      ResultsStore.removeCheckpointDirectory(stateDirectory);
    }
  }

  private static void delete(String uri) {
    TrialCheckpoint.delete(uri);
  }
}
