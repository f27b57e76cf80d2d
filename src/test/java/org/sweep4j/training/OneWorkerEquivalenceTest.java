package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.data.DataLoader;
import org.sweep4j.grid.GridExpander;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;

/**
 * A one-worker trial trained in one Spark task per epoch learns what DL4J's parameter averaging
 * (the production training master) teaches it with one worker: the same losses and accuracies every
 * epoch, and the same test result, to float rounding. 200 images in minibatches of 32 leave a last
 * shard of 8, which DL4J's worker merges with its neighbours when a round holds several files.
 */
class OneWorkerEquivalenceTest extends SparkTestBase {
  private static final double LOSS_TOLERANCE = 1e-5;

  @TempDir Path dir;

  private JobSpec job(String name, String architecture, int averagingFrequency, int epochs) {
    return JobFileParser.parse(
        name + ".yaml",
        """
        sweep: %s
        description: one worker, two paths
        dataset: {source: synthetic, train_size: 200, test_size: 64, validation: holdout, validation_size: 48}
        grid: {activations: [relu], architectures: [%s], seeds: [3]}
        training: {epochs: %d, batch_size: 32, train_eval_size: 96, probe_size: 16}
        distribution: {workers: 1, averaging_frequency: %d}
        output: {results: %s}
        """
            .formatted(name, architecture, epochs, averagingFrequency, dir.resolve(name)));
  }

  private TrialData cut(JobSpec job, List<TrialSpec> trials) {
    return RunShards.cut(
        job,
        trials,
        DataLoader.load(job.dataset()),
        dir.resolve(job.sweep() + "-shards").toString());
  }

  @ParameterizedTest(name = "averaging every {0}")
  @ValueSource(ints = {1, 3})
  void oneTaskPerEpochLearnsWhatParameterAveragingLearns(int averagingFrequency) {
    JobSpec job = job("eq" + averagingFrequency, "small_cnn", averagingFrequency, 3);
    TrialSpec trial = GridExpander.expand(job).get(0);
    TrialData data = cut(job, List.of(trial));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<EpochResult> averaged = new ArrayList<>();
    List<EpochResult> inTask = new ArrayList<>();
    EvalCounts averagedTest;
    EvalCounts inTaskTest;
    try (EpochTrainer dl4j = new AveragingTrainer(sc, trial, data, () -> 2);
        EpochTrainer ours =
            new SingleTaskTrainer(sc, trial, data, () -> 2, data.workDirectory() + "/state")) {
      assertEquals(dl4j.params(), ours.params());
      for (int epoch = 1; epoch <= 3; epoch++) {
        averaged.add(dl4j.train(epoch));
        inTask.add(ours.train(epoch));
      }
      averagedTest = dl4j.test();
      inTaskTest = ours.test();
    }
    for (int e = 0; e < 3; e++) {
      EpochRow expected = averaged.get(e).row();
      EpochRow actual = inTask.get(e).row();
      String epoch = "epoch " + (e + 1) + ": " + expected + " vs " + actual;
      assertEquals(
          expected.trainLoss(), actual.trainLoss(), LOSS_TOLERANCE * expected.trainLoss(), epoch);
      assertEquals(
          expected.valLoss(), actual.valLoss(), LOSS_TOLERANCE * expected.valLoss(), epoch);
      assertEquals(expected.trainAccuracy(), actual.trainAccuracy(), epoch);
      assertEquals(expected.valAccuracy(), actual.valAccuracy(), epoch);
      assertEquals(averaged.get(e).layerStats().size(), inTask.get(e).layerStats().size(), epoch);
      assertEquals(
          averaged.get(e).finalScore(),
          inTask.get(e).finalScore(),
          LOSS_TOLERANCE * averaged.get(e).finalScore(),
          epoch + ": the last minibatch's loss");
    }
    assertTrue(
        Math.abs(averaged.get(2).row().trainLoss() - averaged.get(0).row().trainLoss()) > 1e-3,
        "training must have moved the network, or the comparison proves little: "
            + averaged.stream().map(EpochResult::row).toList());
    assertEquals(
        averagedTest.accuracy(), inTaskTest.accuracy(), "test accuracy after the last epoch");
    assertEquals(
        averagedTest.loss(), inTaskTest.loss(), LOSS_TOLERANCE * averagedTest.loss(), "test loss");
    assertTrue(inTask.get(0).backend().contains("2 threads per task"), inTask.get(0).backend());
  }

  @Test
  void dropoutMasksAreTheSameOnEveryRun() {
    // DL4J's workers draw dropout masks from whatever state their task thread's generator is in;
    // one task per
    // epoch seeds it from the trial's seed and the epoch, so a rerun trains the same network.
    JobSpec job = job("dropout", "deep_cnn", 1, 1);
    TrialSpec trial = GridExpander.expand(job).get(0);
    TrialData data = cut(job, List.of(trial));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<EpochRow> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (EpochTrainer trainer =
          new SingleTaskTrainer(sc, trial, data, () -> 2, data.workDirectory() + "/state")) {
        runs.add(trainer.train(1).row());
      }
    }
    assertEquals(runs.get(0).trainLoss(), runs.get(1).trainLoss(), 0.0, runs.toString());
    assertEquals(runs.get(0).valLoss(), runs.get(1).valLoss(), 0.0, runs.toString());
  }
}
