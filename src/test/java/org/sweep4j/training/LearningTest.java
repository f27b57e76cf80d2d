package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * Training must learn: the small CNN, through the sweep's Spark path with one worker (one Spark
 * task per epoch) and with two (parameter averaging), fits a learnable synthetic task (oriented
 * gratings, 10% label noise, so at most ~0.91) in 300 Adam steps to test accuracy far above chance
 * (0.1). Every other test would pass on a network that never learns anything, as long as both sides
 * of a comparison failed alike.
 */
class LearningTest extends SparkTestBase {
  private static final double WELL_ABOVE_CHANCE = 0.5;

  @TempDir Path dir;

  @Test
  void theSmallCnnLearnsThroughSparkWithOneWorkerAndWithTwo() {
    JobSpec job =
        JobFileParser.parse(
            "learn.yaml",
            """
        sweep: learn
        description: learns a learnable task
        dataset: {source: synthetic, train_size: 640, test_size: 320}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1]}
        training: {epochs: 15, batch_size: 32, probe_size: 0}
        distribution: {workers: [1, 2], averaging_frequency: 1}
        output: {results: %s}
        """
                .formatted(dir.resolve("results")));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    new SweepRunner(spark, new PrintStream(console, true, StandardCharsets.UTF_8)).run(job, false);

    List<TrialRow> trials = ResultsStore.open(job.results()).readTrials();
    assertEquals(2, trials.size(), console.toString(StandardCharsets.UTF_8));
    for (TrialRow trial : trials) {
      assertEquals(TrialStatus.FINISHED, trial.outcome().status(), trial.outcome().error());
      double accuracy = trial.outcome().testAccuracy();
      assertTrue(
          accuracy > WELL_ABOVE_CHANCE,
          trial.settings().workers() + " worker(s): test accuracy " + accuracy);
    }
  }
}
