package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * By default a sweep fills the task slots Spark reports: on local[2], two one-worker trials at a
 * time. The trials really overlap, every one is recorded once, each learns what it learns when
 * trials run one after another (one native thread instead of two per task, so to rounding), and the
 * run records how busy the slots were.
 */
class TrialsSideBySideTest extends SparkTestBase {
  @TempDir Path dir;

  private JobSpec job(String results) {
    return JobFileParser.parse(
        "side.yaml",
        """
        sweep: side
        description: trials side by side
        dataset: {source: synthetic, train_size: 256, test_size: 64}
        grid: {activations: [relu, tanh], architectures: [small_cnn], seeds: [7, 8]}
        training: {epochs: 2, batch_size: 32}
        distribution: {workers: 1}
        output: {results: %s}
        """
            .formatted(dir.resolve(results)));
  }

  private SweepSummary run(JobSpec job, int trialsAtOnce, ByteArrayOutputStream console) {
    return new SweepRunner(spark, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(job, false, trialsAtOnce);
  }

  @Test
  void trialsFillTheTaskSlotsAndLearnWhatTheyLearnOneAfterAnother() {
    assertEquals(
        2,
        TaskSlots.of(spark.sparkContext()).slots(),
        "local[2]: the driver's executor with 2 cores");
    JobSpec sequentialJob = job("sequential");
    JobSpec sideBySideJob = job("side-by-side");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    assertEquals(4, run(sequentialJob, 1, new ByteArrayOutputStream()).finished());
    SweepSummary summary = run(sideBySideJob, SweepRunner.AUTO_TRIALS_AT_ONCE, console);
    String progress = console.toString(StandardCharsets.UTF_8);
    assertTrue(
        progress.contains("2 task slots now; as many trials at once as they hold"), progress);
    assertEquals(new SweepSummary(4, 0, 0, 0, 0, 0, summary.results()), summary, progress);
    for (int trial = 1; trial <= 4; trial++) {
      assertTrue(
          Pattern.compile("\\[trial " + trial + "/4 small_cnn \\w+ s\\d] epoch 2/2 ")
              .matcher(progress)
              .find(),
          progress);
    }
    assertTrue(
        progress.contains("sweep: 4/4 trials ended, 0 running, 0 to start; slots 0/2 busy;"),
        progress);

    List<TrialRow> trials = ResultsStore.open(sideBySideJob.results()).readTrials();
    assertEquals(4, trials.size());
    trials.forEach(t -> assertEquals(TrialStatus.FINISHED, t.outcome().status(), t.trialId()));
    List<TrialRow> byStart =
        trials.stream().sorted(Comparator.comparing(t -> t.outcome().startedAt())).toList();
    assertTrue(
        byStart.get(1).outcome().startedAt().isBefore(byStart.get(0).outcome().finishedAt()),
        "the second trial should start before the first ends: " + byStart);
    assertTrue(
        byStart.get(0).provenance().nativeBackend().endsWith("(OPENBLAS, 1 threads per task)"),
        "two trials at once on 2 cores: one thread each, as the executor reported: "
            + byStart.get(0));

    Map<String, EpochRow> sequential = lastEpochs(sequentialJob);
    Map<String, EpochRow> sideBySide = lastEpochs(sideBySideJob);
    assertEquals(sequential.keySet(), sideBySide.keySet());
    for (String id : sequential.keySet()) {
      assertEquals(
          sequential.get(id).trainLoss(), sideBySide.get(id).trainLoss(), 1e-3, id + " train loss");
      assertEquals(
          sequential.get(id).valLoss(), sideBySide.get(id).valLoss(), 1e-3, id + " val loss");
    }

    List<RunRow> runs = ResultsStore.open(sideBySideJob.results()).readRuns();
    assertEquals(1, runs.size());
    RunRow run = runs.get(0);
    assertEquals(4, run.finished());
    assertEquals(2, run.slots());
    assertEquals(4L * 2 * 256, run.imagesTrained());
    assertTrue(
        run.slotUtilisation() > 0.3 && run.slotUtilisation() <= 1.0, "slot utilisation " + run);
    assertTrue(progress.contains("slots: "), progress);
  }

  @Test
  void aCapOfOneRunsTrialsOneAfterAnother() {
    JobSpec job = job("one-at-a-time");
    assertEquals(4, run(job, 1, new ByteArrayOutputStream()).finished());
    List<TrialRow> byStart =
        ResultsStore.open(job.results()).readTrials().stream()
            .sorted(Comparator.comparing(t -> t.outcome().startedAt()))
            .toList();
    for (int i = 1; i < byStart.size(); i++) {
      assertTrue(
          !byStart.get(i).outcome().startedAt().isBefore(byStart.get(i - 1).outcome().finishedAt()),
          "overlap: " + byStart);
    }
    byStart.forEach(
        t ->
            assertTrue(
                t.provenance().nativeBackend().contains("2 threads per task"),
                "one trial at a time on local[2] has both cores: " + t.provenance()));
  }

  private static Map<String, EpochRow> lastEpochs(JobSpec job) {
    return ResultsStore.open(job.results()).readEpochs().stream()
        .filter(e -> e.epoch() == 2)
        .collect(Collectors.toMap(EpochRow::trialId, Function.identity()));
  }
}
