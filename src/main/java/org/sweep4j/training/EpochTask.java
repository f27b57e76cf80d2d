package org.sweep4j.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.deeplearning4j.datasets.iterator.IteratorDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.sweep4j.data.ShardLoader;
import org.sweep4j.data.ShardSource;
import org.sweep4j.dl4jm2.NativeThreads;

/**
 * One epoch of a one-worker trial, run as a single Spark task on an executor: reads the trial's
 * state (or initialises the network from its seed in epoch 1), fits the epoch's minibatch files in
 * the rounds DL4J's parameter averaging would have used (its iteration counter included, so Adam's
 * bias correction is the same), scores the validation and training-evaluation shards, measures the
 * layer diagnostics, and writes the new state. One Spark job per epoch instead of one per averaging
 * round: the driver schedules, nothing else.
 *
 * <p>Dropout masks come from the task thread's ND4J generator, seeded from the trial's seed and the
 * epoch, so a rerun draws the same masks on any executor (DL4J's workers draw from whatever state
 * their thread was in).
 */
final class EpochTask implements FlatMapFunction<Iterator<Integer>, EpochTaskResult> {
  private static final long serialVersionUID = 1L;

  /** What the epoch trains on and in which order. */
  record Plan(
      List<String> trainShards,
      List<int[]> rounds,
      int batchSize,
      int averagingFrequency,
      ShardLoader loader)
      implements java.io.Serializable {}

  /** What the epoch is scored on after training; {@code probe} is null when diagnostics are off. */
  record Scoring(List<String> validation, List<String> trainEval, String probe)
      implements java.io.Serializable {}

  private final String trialId;
  private final long seed;
  private final int epoch;
  private final String configuration;
  private final String stateIn;
  private final String stateOut;
  private final Plan plan;
  private final Scoring scoring;
  private final int threads;

  /**
   * @param stateIn the previous epoch's state file, null in epoch 1
   * @param threads native threads for the task; 0 lets the executor choose ({@code
   *     OMP_NUM_THREADS}, else {@code spark.task.cpus})
   */
  EpochTask(
      String trialId,
      long seed,
      int epoch,
      String configuration,
      String stateIn,
      String stateOut,
      Plan plan,
      Scoring scoring,
      int threads) {
    this.trialId = trialId;
    this.seed = seed;
    this.epoch = epoch;
    this.configuration = configuration;
    this.stateIn = stateIn;
    this.stateOut = stateOut;
    this.plan = plan;
    this.scoring = scoring;
    this.threads = threads;
  }

  @Override
  public Iterator<EpochTaskResult> call(Iterator<Integer> ignored) throws IOException {
    EpochTaskResult result = new EpochTaskResult();
    int used = NativeThreads.forTask(threads);
    result.backend = NativeThreads.describeBackend(used);
    result.executor =
        org.apache.spark.SparkEnv.get() == null
            ? "?"
            : org.apache.spark.SparkEnv.get().executorId();
    Configuration hadoop = new Configuration();
    MultiLayerNetwork network =
        new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
    int iterations = 0;
    if (stateIn == null) {
      network.init();
    } else {
      TrainingState state = TrainingState.read(stateIn, hadoop);
      state.applyTo(network);
      iterations = state.iterations();
    }
    Nd4j.getRandom().setSeed(seed * 1_000_003L + epoch);
    long start = System.nanoTime();
    iterations = fitRounds(network, iterations);
    result.trainSeconds = (System.nanoTime() - start) / 1e9;
    result.score = network.score();
    TrainingState.of(network, iterations).write(stateOut, hadoop);
    result.setValidation(score(network, scoring.validation()));
    result.setTrainEval(score(network, scoring.trainEval()));
    if (scoring.probe() != null) {
      result.setLayerStats(
          LayerProbe.measure(trialId, epoch, network, load(new ShardLoader(), scoring.probe())));
    }
    return List.of(result).iterator();
  }

  /**
   * Fits every round as DL4J's worker would: starting from the iteration count the master had then,
   * the round's first {@code averagingFrequency} files (DL4J's worker reads no more), re-batched to
   * the worker batch size, of which at most {@code averagingFrequency} minibatches. So where the
   * file count does not divide by the averaging frequency, the rounds that drew one file more leave
   * it out, as DL4J does. The master counts {@code averagingFrequency} iterations per round,
   * whatever the round trained. Returns the count after the last round.
   */
  private int fitRounds(MultiLayerNetwork network, int iterations) throws IOException {
    ShardLoader loader = plan.loader();
    int perRound = plan.averagingFrequency();
    network.getLayerWiseConfigurations().setEpochCount(epoch - 1);
    for (int[] round : plan.rounds()) {
      List<DataSet> minibatches = new ArrayList<>(perRound);
      for (int i = 0; i < Math.min(perRound, round.length); i++) {
        minibatches.add(load(loader, plan.trainShards().get(round[i])));
      }
      network.getLayerWiseConfigurations().setIterationCount(iterations);
      IteratorDataSetIterator batches =
          new IteratorDataSetIterator(minibatches.iterator(), plan.batchSize());
      for (int fitted = 0; fitted < perRound && batches.hasNext(); fitted++) {
        stopIfKilled();
        network.fit(batches.next());
      }
      iterations += perRound;
    }
    return iterations;
  }

  private static EvalCounts score(MultiLayerNetwork network, List<String> shards)
      throws IOException {
    EvalCounts total = EvalCounts.ZERO;
    ShardLoader loader = new ShardLoader();
    for (String shard : shards) {
      stopIfKilled();
      total = total.plus(ShardEvaluator.score(network, load(loader, shard)));
    }
    return total;
  }

  /**
   * Ends the task when Spark has killed it (its job cancelled, by Ctrl-C say): a task is only told,
   * and would otherwise train the epoch to its end.
   */
  private static void stopIfKilled() {
    TaskContext context = TaskContext.get();
    if (context != null) {
      context.killTaskIfInterrupted();
    }
  }

  private static DataSet load(ShardLoader loader, String uri) throws IOException {
    return loader.load(new ShardSource(uri));
  }
}
