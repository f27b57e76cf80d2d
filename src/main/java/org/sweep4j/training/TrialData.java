package org.sweep4j.training;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweep4j.config.DistributionSpec;

/**
 * The shard files (URIs on a file system every executor reads) a run's trials train and score on:
 * training shards of one worker minibatch each, per worker batch size the sweep uses; scoring
 * shards of the validation set (scored every epoch), of the training-evaluation subset, and of the
 * test set when it is scored only after the last epoch (null when the test set is the validation
 * set); the probe batch of the {@code layer_stats} diagnostics (null when they are off); and the
 * run's work directory, where one-worker trials keep their state between epochs.
 */
public record TrialData(
    Map<Integer, List<String>> trainShards,
    List<String> validation,
    List<String> trainEval,
    List<String> finalTest,
    String probe,
    int trainImages,
    String description,
    String workDirectory) {

  public TrialData {
    trainShards = Map.copyOf(trainShards);
    validation = nonEmpty(validation, "validation");
    trainEval = nonEmpty(trainEval, "training-evaluation");
    finalTest = finalTest == null ? null : nonEmpty(finalTest, "test");
    if (trainImages < 1) {
      throw new IllegalArgumentException("no training images");
    }
  }

  /** The training shards of a trial's worker batch size, in the order they were cut. */
  List<String> trainShards(DistributionSpec distribution) {
    List<String> shards = trainShards.get(distribution.batchSizePerWorker());
    if (shards == null) {
      throw new IllegalStateException(
          "no training shards of "
              + distribution.batchSizePerWorker()
              + " images were cut for this run");
    }
    return shards;
  }

  /** The training shards as DL4J's parameter averaging reads them: one partition per worker. */
  JavaRDD<String> train(JavaSparkContext sc, DistributionSpec distribution) {
    return sc.parallelize(trainShards(distribution), distribution.workers());
  }

  /**
   * Scoring shards spread over at most {@code tasks} partitions: in local mode no more than the
   * training tasks the native threads were sized for, since oversubscribed OpenMP threads spin.
   */
  static JavaRDD<String> scoring(JavaSparkContext sc, List<String> shards, int tasks) {
    return sc.parallelize(shards, Math.max(1, Math.min(tasks, shards.size())));
  }

  private static List<String> nonEmpty(List<String> shards, String what) {
    if (shards == null || shards.isEmpty()) {
      throw new IllegalArgumentException("no " + what + " shards");
    }
    return List.copyOf(shards);
  }
}
