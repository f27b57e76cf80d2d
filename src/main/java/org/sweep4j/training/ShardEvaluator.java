package org.sweep4j.training;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.sweep4j.data.ShardLoader;
import org.sweep4j.data.ShardSource;
import org.sweep4j.dl4jm2.NativeThreads;

/**
 * Scores a network on shard files with one Spark job: executors rebuild the network from its JSON
 * configuration and parameters (the same path DL4J's own evaluation takes, so a configuration that
 * cannot round-trip through JSON fails here, loudly), run it in inference mode, and return loss and
 * accuracy sums.
 */
public final class ShardEvaluator {
  /**
   * Probabilities are clipped here before the log, as Keras does, so one confident mistake cannot
   * give infinity.
   */
  static final double PROBABILITY_FLOOR = 1e-7;

  private ShardEvaluator() {}

  public static EvalCounts evaluate(
      JavaSparkContext sc, MultiLayerNetwork network, JavaRDD<String> shards) {
    Broadcast<String> configuration = sc.broadcast(network.getLayerWiseConfigurations().toJson());
    Broadcast<float[]> parameters = sc.broadcast(network.params().toFloatVector());
    try {
      // Partitions return {examples, correct, lossSum}: Spark's Kryo 4 cannot serialise records.
      List<double[]> parts =
          shards.mapPartitions(new ScorePartition(configuration, parameters)).collect();
      return parts.stream()
          .map(p -> new EvalCounts((long) p[0], (long) p[1], p[2]))
          .reduce(EvalCounts.ZERO, EvalCounts::plus);
    } finally {
      configuration.destroy();
      parameters.destroy();
    }
  }

  /** Scores every shard of one partition with one copy of the network. */
  static final class ScorePartition implements FlatMapFunction<Iterator<String>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<String> configuration;
    private final Broadcast<float[]> parameters;

    ScorePartition(Broadcast<String> configuration, Broadcast<float[]> parameters) {
      this.configuration = configuration;
      this.parameters = parameters;
    }

    @Override
    public Iterator<double[]> call(Iterator<String> shards) throws IOException {
      if (!shards.hasNext()) {
        return List.<double[]>of().iterator();
      }
      NativeThreads.pinCurrentThread();
      MultiLayerNetwork network =
          new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration.value()));
      float[] values = parameters.value();
      network.init(Nd4j.create(values).reshape(1, values.length), false);
      EvalCounts total = EvalCounts.ZERO;
      while (shards.hasNext()) {
        total = total.plus(score(network, load(shards.next())));
      }
      return List.of(new double[] {total.examples(), total.correct(), total.lossSum()}).iterator();
    }
  }

  /**
   * A scoring shard, through the same loader (and per-JVM cache) as training shards, never
   * augmented.
   */
  static DataSet load(String uri) throws IOException {
    return new ShardLoader().load(new ShardSource(uri));
  }

  /** Loss and accuracy of one minibatch. */
  public static EvalCounts score(MultiLayerNetwork network, DataSet batch) {
    INDArray output = network.output(batch.getFeatures(), false);
    float[][] probabilities = output.toFloatMatrix();
    int[] labels = batch.getLabels().argMax(1).toIntVector();
    long correct = 0;
    double loss = 0;
    for (int i = 0; i < labels.length; i++) {
      float[] row = probabilities[i];
      int predicted = 0;
      for (int c = 1; c < row.length; c++) {
        if (row[c] > row[predicted]) {
          predicted = c;
        }
      }
      if (predicted == labels[i] && !Float.isNaN(row[predicted])) {
        correct++;
      }
      double p = row[labels[i]];
      loss -= Math.log(Double.isNaN(p) ? Double.NaN : Math.max(PROBABILITY_FLOOR, p));
    }
    return new EvalCounts(labels.length, correct, loss);
  }
}
