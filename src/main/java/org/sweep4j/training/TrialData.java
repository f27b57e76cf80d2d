package org.sweep4j.training;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweep4j.config.DistributionSpec;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The shard files trials read: training shards of one worker minibatch each, per worker batch size the sweep
 * uses (as file URIs, parallelised per trial over its workers), and, as Spark RDDs of file URIs, scoring shards of the validation set (scored every epoch), of the training-evaluation subset, and of the
 * test set when it is scored only after the last epoch (null when the test set is the validation set); and the
 * probe batch the {@code layer_stats} diagnostics are measured on (null when they are off).
 */
public record TrialData(Map<Integer, List<String>> trainShards, JavaRDD<String> validation, JavaRDD<String> trainEval,
    JavaRDD<String> finalTest, int trainImages, String description, DataSet probe) {

  public TrialData {
    trainShards = Map.copyOf(trainShards);
    if (trainImages < 1) {
      throw new IllegalArgumentException("no training images");
    }
  }

  /**
   * The same data with scoring spread over at most {@code tasks} concurrent tasks: in local mode a trial's
   * native threads are sized for its own workers, and more scoring tasks than that would oversubscribe them.
   */
  TrialData withScoringTasks(int tasks) {
    return new TrialData(trainShards, atMost(validation, tasks), atMost(trainEval, tasks), atMost(finalTest, tasks),
        trainImages, description, probe);
  }

  private static JavaRDD<String> atMost(JavaRDD<String> shards, int tasks) {
    return shards == null || shards.getNumPartitions() <= tasks ? shards : shards.coalesce(tasks);
  }

  /** The training shards of a trial's worker batch size, one partition per worker. */
  JavaRDD<String> train(JavaSparkContext sc, DistributionSpec distribution) {
    List<String> shards = trainShards.get(distribution.batchSizePerWorker());
    if (shards == null) {
      throw new IllegalStateException("no training shards of " + distribution.batchSizePerWorker()
          + " images were cut for this run");
    }
    return sc.parallelize(shards, distribution.workers());
  }

  static List<String> nonEmpty(List<String> shards, String what) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("no " + what + " shards");
    }
    return shards;
  }
}
