package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.Grid;
import org.sweep4j.grid.GridExpander;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialRowBuilder;
import org.sweep4j.results.TrialStatus;
import org.sweep4j.sql.NotebookQueries;
import org.sweep4j.sql.OutputFormat;
import org.sweep4j.sql.ResultFormatter;
import org.sweep4j.sql.ResultsSql;

/**
 * A whole sweep on a few hundred synthetic images with real Spark, DL4J and Parquet, then resume.
 */
class SweepIntegrationTest extends SparkTestBase {
  @TempDir Path dir;

  private JobSpec job() {
    return JobFileParser.parse(
        "it.yaml",
        """
        sweep: it
        description: integration test
        dataset: {source: synthetic, train_size: 256, test_size: 100, validation: holdout, validation_size: 64}
        grid: {activations: [relu, tanh], architectures: [small_cnn], seeds: [7]}
        training: {epochs: 2, batch_size: 32}
        distribution: {workers: 2, averaging_frequency: 2}
        output: {results: %s}
        """
            .formatted(dir.resolve("results")));
  }

  private SweepSummary run(JobSpec job, boolean resume, ByteArrayOutputStream console) {
    return new SweepRunner(spark, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(job, resume);
  }

  @Test
  void runsRecordsResumesAndQueries() throws Exception {
    JobSpec job = job();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SweepSummary first = run(job, false, console);
    assertEquals(new SweepSummary(2, 0, 0, 0, 0, 0, first.results()), first);
    String progress = console.toString(StandardCharsets.UTF_8);
    assertTrue(progress.contains("[trial 2/2 small_cnn tanh s7] epoch 2/2"), progress);
    assertTrue(progress.contains("ETA"), progress);
    assertTrue(
        progress.contains("; NOT CIFAR-10: the job names no dataset.path"),
        "synthetic data says so in the run header: " + progress);

    // Plain Spark reads the tables: one trials row per trial, one epochs row per trial x epoch.
    String results = job.results();
    assertEquals(2, spark.read().parquet(results + "/trials").count());
    List<Row> epochs =
        spark.read().parquet(results + "/epochs").orderBy("trial_id", "epoch").collectAsList();
    assertEquals(4, epochs.size());
    for (Row row : epochs) {
      // Scored on the 64 images held out, and trained on train_size's 256 others.
      assertCount(64, row.getDouble(row.fieldIndex("val_accuracy")), row.toString());
      assertTrue(Double.isFinite(row.getDouble(row.fieldIndex("val_loss"))), row.toString());
      double seconds = row.getDouble(row.fieldIndex("seconds"));
      assertEquals(
          256 / seconds, row.getDouble(row.fieldIndex("images_per_second")), 1e-6 * 256 / seconds);
    }
    List<TrialRow> trials = ResultsStore.open(results).readTrials();
    for (TrialRow trial : trials) {
      assertEquals(TrialStatus.FINISHED, trial.outcome().status());
      assertEquals("holdout(64)", trial.settings().validation());
      assertCount(100, trial.outcome().testAccuracy(), "the 100 test images scored at the end");
      assertTrue(Double.isFinite(trial.outcome().testLoss()));
      assertEquals(42_442, trial.outcome().params());
      assertEquals("local[2]", trial.provenance().sparkMaster());
      assertTrue(
          trial.provenance().sparkVersion().startsWith("3.5"), trial.provenance().sparkVersion());
      assertTrue(
          trial.settings().dataDescription().startsWith("synthetic"),
          trial.settings().dataDescription());
    }
    assertTrue(
        Files.notExists(dir.resolve("results/_shards")), "data shards are removed after the run");

    // Diagnostics: per trial and epoch, conv1 and conv2 with four measures each and the output's
    // gradient norm.
    List<Row> deadUnits =
        ResultsSql.query(
                spark,
                results,
                "select layer, count(*), min(value), max(value)"
                    + " from layer_stats where measure = 'dead_fraction' group by layer order by layer")
            .collectAsList();
    assertEquals(List.of("conv1", "conv2"), deadUnits.stream().map(r -> r.getString(0)).toList());
    for (Row row : deadUnits) {
      assertEquals(4L, row.getLong(1), row.toString());
    }
    assertEquals(2 * 2 * 9, spark.read().parquet(results + "/layer_stats").count());

    // The query, through the registered views.
    List<Row> perActivation =
        ResultsSql.query(
                spark,
                results,
                "select t.activation, max(e.val_accuracy) from epochs e"
                    + " join trials t using (trial_id) group by t.activation order by t.activation")
            .collectAsList();
    assertEquals(List.of("relu", "tanh"), perActivation.stream().map(r -> r.getString(0)).toList());

    // Every Spark SQL cell of the exported notebooks runs against these tables and finds rows.
    int notebookQueries = 0;
    for (Path notebook : NotebookQueries.notebooks()) {
      for (NotebookQueries.Query query : NotebookQueries.of(notebook)) {
        long rows = ResultsSql.run(spark, query.sql(), query.source()).count();
        assertTrue(rows > 0, query.source() + " found no rows:\n" + query.sql());
        notebookQueries++;
      }
    }
    // The README's recipe for the spark-sql shell (plain Spark, not sweep4j sql, which refuses
    // DDL): tables over the Parquet directories; DDL prints OK.
    Dataset<Row> created =
        spark.sql(
            "create table readme_trials using parquet location '"
                + Path.of(results, "trials").toAbsolutePath()
                + "'");
    assertEquals("OK", ResultFormatter.format(created, OutputFormat.TABLE, 10).strip());
    assertEquals(2, ResultsSql.run(spark, "select * from readme_trials", "README").count());
    org.sweep4j.config.InputException badQuery =
        assertThrows(
            org.sweep4j.config.InputException.class,
            () -> ResultsSql.run(spark, "select nope from epochs", "q.sql, statement 2"));
    assertTrue(
        badQuery.getMessage().startsWith("q.sql, statement 2: [UNRESOLVED_COLUMN"),
        badQuery.getMessage());
    assertFalse(
        badQuery.getMessage().contains("SubqueryAlias"), "no query plan in a user's error message");
    assertTrue(
        notebookQueries >= 4,
        "expected the notebooks' ranking, curves and diagnostics queries, found "
            + notebookQueries);

    // Running the same sweep again without --resume must not touch the recorded trials.
    SweepException clash =
        assertThrows(SweepException.class, () -> run(job, false, new ByteArrayOutputStream()));
    assertTrue(
        clash.getMessage().contains("already holds 2 of this sweep's 2 trials"),
        clash.getMessage());
    assertTrue(clash.getMessage().contains("--resume"), clash.getMessage());

    // --resume skips settled trials and reruns a failed one, replacing its rows rather than adding
    // to them.
    TrialSpec second = GridExpander.expand(job).get(1);
    TrialRow recorded =
        trials.stream().filter(t -> t.trialId().equals(second.id())).findFirst().orElseThrow();
    ResultsStore.open(results)
        .record(TrialRowBuilder.failedCopy(recorded, "executor lost", 0), List.of());
    SweepSummary resumed = run(job, true, new ByteArrayOutputStream());
    assertEquals(new SweepSummary(1, 0, 0, 1, 0, 0, first.results()), resumed);
    assertEquals(2, spark.read().parquet(results + "/trials").count());
    assertEquals(4, spark.read().parquet(results + "/epochs").count());
    assertEquals(TrialStatus.FINISHED, ResultsStore.open(results).statuses().get(second.id()));
  }

  /** A random search over the learning rate runs, records each drawn rate, and is plotted. */
  @Test
  void aSearchedSweepRunsRecordsAndPlotsEndToEnd() throws Exception {
    JobSpec job =
        JobFileParser.parse(
            "search.yaml",
            """
        sweep: search
        description: a random search over the learning rate
        dataset: {source: synthetic, train_size: 64, test_size: 32}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1]}
        training: {epochs: 1, batch_size: 32, probe_size: 0, learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}}
        search: {method: random, samples: 4, seed: 5}
        output: {results: '%s'}
        """
                .formatted(dir.resolve("search")));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    assertEquals(4, run(job, false, console).finished(), console.toString(StandardCharsets.UTF_8));
    List<Double> recorded =
        ResultsStore.open(job.results()).readTrials().stream()
            .map(t -> t.settings().learningRate())
            .sorted()
            .toList();
    assertEquals(
        Grid.of(job).points().stream().map(p -> p.training().learningRate()).sorted().toList(),
        recorded,
        "each trial trained with its drawn rate");
    org.sweep4j.report.Reports.write(
        job.results(), null, null, 0.01, org.sweep4j.model.ActivationSampler::sample);
    assertTrue(Files.exists(dir.resolve("search/report/figures/small_cnn-learning_rate.svg")));
  }

  /**
   * Before, a results path with a space failed every trial of two workers with URISyntaxException
   * (DL4J parses each shard's name as a URI) and report refused the folder.
   */
  @Test
  void resultsUnderAPathWithSpacesAndOddCharactersWorkEndToEnd() {
    Path results = dir.resolve("my results #1 100% a:b [x]");
    JobSpec job =
        JobFileParser.parse(
            "odd.yaml",
            """
        sweep: odd
        description: an odd results path
        dataset: {source: synthetic, train_size: 128, test_size: 64}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [3]}
        training: {epochs: 1, batch_size: 32, probe_size: 16}
        distribution: {workers: 2, averaging_frequency: 2}
        output: {results: '%s'}
        """
                .formatted(results));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    assertEquals(1, run(job, false, console).finished(), console.toString(StandardCharsets.UTF_8));
    assertEquals(
        1L,
        ResultsSql.query(spark, results.toString(), "select * from epochs").count(),
        "sql reads it");
    Path html =
        org.sweep4j.report.Reports.write(
            results.toString(), null, null, 0.01, org.sweep4j.model.ActivationSampler::sample);
    assertEquals(results.resolve("report/index.html"), html);
    assertTrue(Files.exists(html));
  }

  @Test
  void validatesOnTheTestSetByDefaultAndTrainsAugmented() {
    JobSpec job =
        JobFileParser.parse(
            "it2.yaml",
            """
        sweep: it2
        description: validation on the test set
        dataset: {source: synthetic, train_size: 128, test_size: 64}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [3]}
        training: {epochs: 1, batch_size: 32, probe_size: 0, augmentation: crop_flip}
        output: {results: %s}
        """
                .formatted(dir.resolve("results2").toUri()));
    // Results given as a file: URI go through Hadoop's file system API, as hdfs:// or s3a://
    // results would.
    assertTrue(job.results().startsWith("file:"), job.results());
    assertEquals(1, run(job, false, new ByteArrayOutputStream()).finished());
    assertTrue(
        Files.notExists(dir.resolve("results2/_shards")),
        "shards written and removed through Hadoop");
    TrialRow trial = ResultsStore.open(job.results()).readTrials().get(0);
    assertEquals("test", trial.settings().validation());
    assertEquals(
        "crop_flip",
        trial.settings().augmentation(),
        "trained on cropped and flipped minibatches, on the executors");
    assertTrue(trial.trialId().startsWith("small_cnn-relu-crop_flip-s3-"), trial.trialId());
    assertEquals(trial.outcome().finalValAccuracy(), trial.outcome().testAccuracy());
    assertTrue(
        Files.notExists(dir.resolve("results2/layer_stats"))
            || ResultsStore.open(job.results()).readLayerStats().isEmpty(),
        "probe_size 0 records no diagnostics");
  }

  @Test
  void aDivergingTrialIsRecordedWithItsEpochAndTheSweepGoesOn() throws InterruptedException {
    // Plain SGD at a learning rate of 9.9 blows SELU's exponential up to NaN in the first epoch;
    // tanh saturates
    // instead and trains on (badly), which is what the sweep must go on to.
    JobSpec job =
        JobFileParser.parse(
            "div.yaml",
            """
        sweep: div
        description: divergence
        dataset: {source: synthetic, train_size: 128, test_size: 64}
        grid: {activations: [selu, tanh], architectures: [small_cnn], seeds: [1]}
        training: {epochs: 2, batch_size: 8, optimizer: sgd, learning_rate: 9.9, probe_size: 16}
        distribution: {workers: 1}
        output: {results: %s}
        """
                .formatted(dir.resolve("diverging")));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    List<String> jobDescriptions = new java.util.concurrent.CopyOnWriteArrayList<>();
    SparkListener descriptions =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart jobStart) {
            jobDescriptions.add(
                String.valueOf(jobStart.properties().getProperty("spark.job.description")));
          }
        };
    spark.sparkContext().addSparkListener(descriptions);
    SweepSummary summary;
    try {
      summary = run(job, false, console);
      // Listeners hear of jobs asynchronously: give the last ones a moment to arrive.
      for (int i = 0;
          i < 100 && jobDescriptions.stream().noneMatch(d -> d.contains("tanh seed 1 epoch 2/2"));
          i++) {
        Thread.sleep(50);
      }
    } finally {
      spark.sparkContext().removeSparkListener(descriptions);
    }
    String progress = console.toString(StandardCharsets.UTF_8);
    assertEquals(new SweepSummary(1, 1, 0, 0, 0, 0, summary.results()), summary, progress);
    // What the Spark UI shows on a cluster: every job names its trial and epoch.
    assertTrue(
        jobDescriptions.stream()
            .anyMatch(d -> d.startsWith("trial 2/2 small_cnn tanh seed 1 epoch 2/2 [")),
        jobDescriptions.toString());
    assertTrue(
        jobDescriptions.stream().allMatch(d -> d.startsWith("trial ")), jobDescriptions.toString());
    assertTrue(
        progress.contains("[trial 1/2 small_cnn selu s1] diverged: loss became NaN in epoch 1"),
        progress);

    ResultsStore store = ResultsStore.open(job.results());
    TrialRow selu =
        store.readTrials().stream()
            .filter(t -> t.settings().activation().equals("selu"))
            .findFirst()
            .orElseThrow();
    assertEquals(TrialStatus.DIVERGED, selu.outcome().status());
    assertEquals(1, selu.outcome().epochsCompleted());
    assertEquals("loss became NaN in epoch 1", selu.outcome().error());
    assertEquals(null, selu.outcome().bestValAccuracy(), "no finite epoch to be best");
    List<EpochRow> seluEpochs =
        store.readEpochs().stream().filter(e -> e.trialId().equals(selu.trialId())).toList();
    assertEquals(1, seluEpochs.size());
    assertTrue(
        Double.isNaN(seluEpochs.get(0).trainLoss()),
        "the diverged epoch is kept as it was measured");
    TrialRow tanh =
        store.readTrials().stream()
            .filter(t -> t.settings().activation().equals("tanh"))
            .findFirst()
            .orElseThrow();
    assertEquals(TrialStatus.FINISHED, tanh.outcome().status());

    // A divergence is an outcome, not an accident: --resume does not retry it.
    assertEquals(
        new SweepSummary(0, 0, 0, 2, 0, 0, summary.results()),
        run(job, true, new ByteArrayOutputStream()));
  }

  @Test
  void settingsListedInTheJobAreAxesAndEveryTrialRecordsItsOwn() {
    JobSpec job =
        JobFileParser.parse(
            "axes.yaml",
            """
        sweep: axes
        description: workers and dropout as axes
        dataset: {source: synthetic, train_size: 128, test_size: 64}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [4]}
        training: {epochs: 1, batch_size: 32, probe_size: 0, dropout_scale: [1, 0], weight_init: he_normal}
        distribution: {workers: [1, 2], averaging_frequency: 2}
        output: {results: %s}
        """
                .formatted(dir.resolve("axes")));
    SweepSummary summary = run(job, false, new ByteArrayOutputStream());
    assertEquals(4, summary.finished());
    List<Row> rows =
        ResultsSql.query(
                spark,
                job.results(),
                "select workers, batch_size_per_worker, dropout_scale,"
                    + " weight_init, status from trials order by workers, dropout_scale")
            .collectAsList();
    assertEquals(
        List.of(
            "[1,32,0.0,he_normal,finished]",
            "[1,32,1.0,he_normal,finished]",
            "[2,16,0.0,he_normal,finished]",
            "[2,16,1.0,he_normal,finished]"),
        rows.stream().map(Row::toString).toList(),
        "each trial trained, and recorded, with its own settings");
  }

  @Test
  void earlyStoppingEndsATrialWithItsBestWeightsAndABudgetLeavesTrialsUnstarted() {
    // min_delta 100: only the first epoch can improve on +infinity by that much, so patience 1
    // stops after epoch 2.
    JobSpec job =
        JobFileParser.parse(
            "stop.yaml",
            """
        sweep: stop
        description: early stopping and a budget
        dataset: {source: synthetic, train_size: 128, test_size: 64}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1, 2, 3]}
        training: {epochs: 5, batch_size: 32, probe_size: 0,
                   early_stopping: {patience: 1, min_delta: 100, restore_best: true}}
        budget: {max_epochs: 7}
        output: {results: %s}
        """
                .formatted(dir.resolve("stop")));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    SweepSummary summary = run(job, false, console);
    String progress = console.toString(StandardCharsets.UTF_8);
    // A trial starts only if all 5 of its epochs fit: seed 1 (0 + 5 <= 7) stops after 2, seed 2 (2
    // + 5 <= 7) after
    // 2 more; seed 3 (4 + 5 > 7) is not started.
    assertEquals(new SweepSummary(2, 0, 0, 0, 0, 1, summary.results()), summary, progress);
    assertTrue(
        progress.contains(
            "stopped early after epoch 2 of 5: val loss did not improve for 1 epochs"),
        progress);
    assertTrue(progress.contains("budget (7 epochs) reached: 1 trials not started"), progress);

    ResultsStore store = ResultsStore.open(job.results());
    for (TrialRow trial : store.readTrials()) {
      assertEquals(TrialStatus.FINISHED, trial.outcome().status());
      assertEquals(TrialRow.EARLY_STOPPING, trial.outcome().stopReason());
      assertEquals(2, trial.outcome().epochsCompleted());
      EpochRow first =
          store.readEpochs().stream()
              .filter(e -> e.trialId().equals(trial.trialId()) && e.epoch() == 1)
              .findFirst()
              .orElseThrow();
      assertEquals(
          first.valAccuracy(),
          trial.outcome().testAccuracy(),
          "tested with epoch 1's restored weights");
      assertEquals(first.valLoss(), trial.outcome().testLoss(), 1e-12);
    }
    assertEquals(
        4, store.readEpochs().size(), "every epoch run is kept, the one after the best too");
  }

  /**
   * With validation on a holdout, the test set is scored once, with the weights the trial ended
   * with; restore_best must make those the best epoch's. Training is deterministic, so a trial that
   * runs only to the best epoch, and one that runs on to the last, score the two candidates. Would
   * have failed if the test were scored before restoring, or the weights were not restored.
   */
  @ParameterizedTest(name = "workers: {0}")
  @ValueSource(ints = {1, 2})
  void restoredWeightsAreTheOnesTheTestSetScores(int workers) {
    // min_delta 100: only epoch 1 improves (on +infinity), so patience 1 stops after epoch 2.
    String early = ", early_stopping: {patience: 1, min_delta: 100, restore_best: true}";
    TrialRow restored = onlyTrial("restored", workers, 4, early);
    TrialRow bestOnly = onlyTrial("best", workers, 1, "");
    TrialRow runOn = onlyTrial("last", workers, 2, "");

    assertEquals(2, restored.outcome().epochsCompleted());
    assertEquals(1, restored.outcome().finalEpoch());
    assertTrue(restored.outcome().restoredBest());
    assertEquals(bestOnly.outcome().testLoss(), restored.outcome().testLoss(), 1e-9);
    assertEquals(bestOnly.outcome().testAccuracy(), restored.outcome().testAccuracy(), 1e-12);
    assertTrue(
        Math.abs(runOn.outcome().testLoss() - restored.outcome().testLoss()) > 1e-6,
        "epoch 2's weights score differently, so the check above can tell them apart");
    assertEquals(2, runOn.outcome().finalEpoch());
  }

  private TrialRow onlyTrial(String name, int workers, int epochs, String earlyStopping) {
    JobSpec job =
        JobFileParser.parse(
            name + ".yaml",
            """
        sweep: %s
        description: restore_best against a holdout
        dataset: {source: synthetic, train_size: 192, test_size: 96, validation: holdout, validation_size: 64}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [3]}
        training: {epochs: %d, batch_size: 32, probe_size: 0%s}
        distribution: {workers: %d, averaging_frequency: 1}
        output: {results: %s}
        """
                .formatted(
                    name, epochs, earlyStopping, workers, dir.resolve(name + "-" + workers)));
    run(job, false, new ByteArrayOutputStream());
    List<TrialRow> trials = ResultsStore.open(job.results()).readTrials();
    assertEquals(1, trials.size());
    assertEquals(TrialStatus.FINISHED, trials.get(0).outcome().status());
    return trials.get(0);
  }

  /** An accuracy over {@code images} images is a whole number of them. */
  private static void assertCount(int images, double accuracy, String what) {
    double correct = accuracy * images;
    assertEquals(Math.rint(correct), correct, 1e-9, what + ": accuracy " + accuracy);
  }
}
