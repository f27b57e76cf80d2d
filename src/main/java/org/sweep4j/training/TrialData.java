package org.sweep4j.training;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The shard files a trial reads, as Spark RDDs of file URIs: training shards of one worker minibatch each,
 * and scoring shards of the validation set (scored every epoch), of the training-evaluation subset, and of the
 * test set when it is scored only after the last epoch (null when the test set is the validation set); and the
 * probe batch the {@code layer_stats} diagnostics are measured on (null when they are off).
 */
public record TrialData(JavaRDD<String> train, JavaRDD<String> validation, JavaRDD<String> trainEval,
    JavaRDD<String> finalTest, int trainImages, String description, DataSet probe) {

  public TrialData {
    if (trainImages < 1) {
      throw new IllegalArgumentException("no training images");
    }
  }

  static List<String> nonEmpty(List<String> shards, String what) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("no " + what + " shards");
    }
    return shards;
  }
}
