package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
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
 * Parameter averaging with one worker must train exactly like a single machine: same parameters
 * after several rounds, which also proves the Adam state travels between rounds (saveUpdater) and
 * the shards decode the same.
 */
class SparkVsSingleMachineTest extends SparkTestBase {
  private static final double TOLERANCE = 1e-5;

  @TempDir Path dir;

  @Test
  void oneWorkerMatchesSingleMachineTraining() {
    TrialSpec trial =
        new TrialSpec(
            "eq",
            ActivationSpec.of(ActivationName.RELU),
            Architecture.parse("small_cnn"),
            3,
            new DatasetSpec(DataSource.SYNTHETIC, null, 32, 32),
            new TrainingSpec(3, 32, Optimizer.ADAM, 1e-3, 0),
            new DistributionSpec(1, 1, 32));
    ImageSet images = SyntheticCifar.images(32, 11);
    List<String> shards = ShardWriter.write(images, 32, 32, dir.toString(), "train");

    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ParameterAveragingTrainingMaster master =
        new ParameterAveragingTrainingMaster.Builder(1, 32)
            .batchSizePerWorker(32)
            .averagingFrequency(1)
            .workerPrefetchNumBatches(0)
            .saveUpdater(true)
            .rngSeed(3)
            .build();
    SparkDl4jMultiLayer distributed =
        new SparkDl4jMultiLayer(sc, ModelFactory.build(trial), master);
    MultiLayerNetwork single = new MultiLayerNetwork(ModelFactory.build(trial));
    single.init();
    assertEquals(
        single.params(), distributed.getNetwork().params(), "same seed, same initial weights");

    DataSet batch = Minibatches.fromRecords(images.records(0, 32), "batch");
    for (int epoch = 0; epoch < 3; epoch++) {
      distributed.fitPaths(sc.parallelize(shards, 1), new ShardLoader());
      single.fit(batch);
    }
    INDArray difference = distributed.getNetwork().params().sub(single.params());
    double maxDifference = difference.amaxNumber().doubleValue();
    assertTrue(maxDifference < TOLERANCE, "max parameter difference " + maxDifference);
    assertTrue(
        single.params().sub(initial(trial)).amaxNumber().doubleValue() > 1e-4,
        "training must have moved the weights, or the comparison proves nothing");
  }

  private static INDArray initial(TrialSpec trial) {
    MultiLayerNetwork fresh = new MultiLayerNetwork(ModelFactory.build(trial));
    fresh.init();
    return fresh.params();
  }
}
