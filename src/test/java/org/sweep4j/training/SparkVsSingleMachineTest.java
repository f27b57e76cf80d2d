package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.Augmentation;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.Optimizer;
import org.sweep4j.config.TrainingSpec;
import org.sweep4j.data.ImageSet;
import org.sweep4j.data.Minibatches;
import org.sweep4j.data.ShardLoader;
import org.sweep4j.data.ShardWriter;
import org.sweep4j.data.SyntheticCifar;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;

/**
 * The parameter averaging the sweep runs ({@link AveragingTrainer#trainingMaster} and the shard
 * loader it trains with) against single-machine DL4J: with one worker it trains exactly like one
 * network, Adam state carried between rounds; with two, one round leaves the average of two
 * networks that each fit one worker's minibatch, parameters and Adam state alike. Dropout is on in
 * the small CNN; every network seeds its masks at init, so the copies draw the workers' masks.
 */
class SparkVsSingleMachineTest extends SparkTestBase {
  private static final double TOLERANCE = 1e-5;

  @TempDir Path dir;

  private static TrialSpec trial(int workers, int batchSize) {
    return new TrialSpec(
        "eq",
        ActivationSpec.of(ActivationName.RELU),
        Architecture.parse("small_cnn"),
        3,
        new DatasetSpec(DataSource.SYNTHETIC, null, 32, 32),
        new TrainingSpec(3, batchSize, Optimizer.ADAM, 1e-3, 0),
        new DistributionSpec(workers, 1, batchSize / workers));
  }

  private SparkDl4jMultiLayer distributed(TrialSpec trial) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return new SparkDl4jMultiLayer(
        sc, ModelFactory.build(trial), AveragingTrainer.trainingMaster(trial));
  }

  /** One epoch of the sweep's averaging over the shards, with the loader the sweep uses. */
  private static void fitEpoch(SparkDl4jMultiLayer network, List<String> shards, int epoch) {
    JavaSparkContext sc = network.getSparkContext();
    PinnedShardLoader loader =
        new PinnedShardLoader(ShardLoader.forEpoch(Augmentation.NONE, 3, epoch));
    network.fitPaths(sc.parallelize(shards, shards.size()), loader);
  }

  /** Three rounds of one worker: would fail without saveUpdater (Adam would restart each round). */
  @Test
  void oneWorkerTrainsLikeOneNetwork() {
    TrialSpec trial = trial(1, 32);
    ImageSet images = SyntheticCifar.images(32, 11);
    List<String> shards = ShardWriter.write(images, 32, 32, dir.toString(), "train");
    SparkDl4jMultiLayer distributed = distributed(trial);
    MultiLayerNetwork single = fresh(trial);
    assertClose(single.params(), distributed.getNetwork().params(), "initial weights");

    DataSet batch = Minibatches.fromRecords(images.records(0, 32), "batch");
    for (int epoch = 1; epoch <= 3; epoch++) {
      fitEpoch(distributed, shards, epoch);
      single.fit(batch);
    }
    assertMoved(trial, single.params());
    assertClose(single.params(), distributed.getNetwork().params(), "parameters");
    assertClose(updaterState(single), updaterState(distributed.getNetwork()), "Adam state");
  }

  /** One averaging round of two workers, one minibatch each. */
  @Test
  void twoWorkersLeaveTheAverageOfTwoNetworks() {
    TrialSpec trial = trial(2, 32);
    ImageSet images = SyntheticCifar.images(32, 11);
    List<String> shards = ShardWriter.write(images, 32, 16, dir.toString(), "train");
    SparkDl4jMultiLayer distributed = distributed(trial);
    MultiLayerNetwork first = fresh(trial);
    MultiLayerNetwork second = fresh(trial);

    fitEpoch(distributed, shards, 1);
    first.fit(Minibatches.fromRecords(images.records(0, 16), "first"));
    second.fit(Minibatches.fromRecords(images.records(16, 32), "second"));

    double apart = first.params().sub(second.params()).amaxNumber().doubleValue();
    assertTrue(apart > 1e-4, "the two minibatches must move the copies apart, found " + apart);
    INDArray averageParams = first.params().add(second.params()).divi(2);
    INDArray averageState = updaterState(first).add(updaterState(second)).divi(2);
    assertClose(averageParams, distributed.getNetwork().params(), "averaged parameters");
    assertClose(averageState, updaterState(distributed.getNetwork()), "averaged Adam state");
  }

  private static MultiLayerNetwork fresh(TrialSpec trial) {
    MultiLayerNetwork network = new MultiLayerNetwork(ModelFactory.build(trial));
    network.init();
    return network;
  }

  private static INDArray updaterState(MultiLayerNetwork network) {
    return network.getUpdater().getStateViewArray();
  }

  private static void assertClose(INDArray expected, INDArray actual, String what) {
    double difference = expected.sub(actual).amaxNumber().doubleValue();
    assertTrue(difference < TOLERANCE, what + ": max difference " + difference);
  }

  private static void assertMoved(TrialSpec trial, INDArray params) {
    double moved = params.sub(fresh(trial).params()).amaxNumber().doubleValue();
    assertTrue(moved > 1e-4, "training must move the weights, or the comparison proves nothing");
  }
}
