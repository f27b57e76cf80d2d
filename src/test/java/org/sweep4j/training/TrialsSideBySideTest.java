package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * {@code --trials-at-once 2} on local[2]: the trials really overlap, every one is recorded once, and each
 * learns what it learns when trials run one after another (one native thread instead of two per task, so
 * to rounding).
 */
class TrialsSideBySideTest extends SparkTestBase {
  @TempDir
  Path dir;

  private JobSpec job(String results) {
    return JobFileParser.parse("side.yaml", """
        sweep: side
        description: trials side by side
        dataset: {source: synthetic, train_size: 256, test_size: 64}
        grid: {activations: [relu, tanh], architectures: [small_cnn], seeds: [7, 8]}
        training: {epochs: 2, batch_size: 32}
        distribution: {workers: 1}
        output: {results: %s}
        """.formatted(dir.resolve(results)));
  }

  private SweepSummary run(JobSpec job, int trialsAtOnce, ByteArrayOutputStream console) {
    return new SweepRunner(spark, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(job, false, trialsAtOnce);
  }

  @Test
  void trialsSideBySideOverlapAndLearnWhatTheyLearnOneAfterAnother() {
    JobSpec sequentialJob = job("sequential");
    JobSpec sideBySideJob = job("side-by-side");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    assertEquals(4, run(sequentialJob, 1, new ByteArrayOutputStream()).finished());
    SweepSummary summary = run(sideBySideJob, SweepRunner.AUTO_TRIALS_AT_ONCE, console);
    String progress = console.toString(StandardCharsets.UTF_8);
    assertTrue(progress.contains("trials at once: 2 (auto: task slots of local[2] / 1 workers per trial)"), progress);
    assertEquals(new SweepSummary(4, 0, 0, 0, 0, 0, summary.results()), summary, progress);
    for (int trial = 1; trial <= 4; trial++) {
      assertTrue(progress.contains("[trial " + trial + "/4] epoch 2/2"), progress);
    }

    List<TrialRow> trials = ResultsStore.open(sideBySideJob.results()).readTrials();
    assertEquals(4, trials.size());
    trials.forEach(t -> assertEquals(TrialStatus.FINISHED, t.status(), t.trialId()));
    List<TrialRow> byStart = trials.stream().sorted(Comparator.comparing(TrialRow::startedAt)).toList();
    assertTrue(byStart.get(1).startedAt().isBefore(byStart.get(0).finishedAt()),
        "the second trial should start before the first ends: " + byStart);

    Map<String, EpochRow> sequential = lastEpochs(sequentialJob);
    Map<String, EpochRow> sideBySide = lastEpochs(sideBySideJob);
    assertEquals(sequential.keySet(), sideBySide.keySet());
    for (String id : sequential.keySet()) {
      assertEquals(sequential.get(id).trainLoss(), sideBySide.get(id).trainLoss(), 1e-3, id + " train loss");
      assertEquals(sequential.get(id).valLoss(), sideBySide.get(id).valLoss(), 1e-3, id + " val loss");
    }
  }

  @Test
  void autoFillsALocalMastersTaskSlotsAndRunsOneAtATimeOnACluster() {
    assertEquals(2, SweepRunner.autoTrialsAtOnce(1, "local[2]", 4));
    assertEquals(1, SweepRunner.autoTrialsAtOnce(2, "local[2]", 4), "two-worker trials fill local[2] alone");
    assertEquals(2, SweepRunner.autoTrialsAtOnce(2, "local[4]", 4));
    assertEquals(3, SweepRunner.autoTrialsAtOnce(1, "local[8]", 3), "no more than there are trials");
    assertEquals(1, SweepRunner.autoTrialsAtOnce(4, "local[2]", 4), "at least one");
    assertEquals(1, SweepRunner.autoTrialsAtOnce(1, "spark://master:7077", 4));
  }

  @Test
  void refusesMoreTrialsAtOnceThanTaskSlotsBeforeWritingAnything() throws IOException {
    SweepException error = assertThrows(SweepException.class,
        () -> run(job("too-many"), 3, new ByteArrayOutputStream()));
    assertTrue(error.getMessage().contains("--trials-at-once 3") && error.getMessage().contains("local[2] has 2"),
        error.getMessage());
    Path results = dir.resolve("too-many");
    if (Files.exists(results)) {
      try (Stream<Path> written = Files.walk(results)) {
        assertEquals(List.of(results), written.toList(), "no shards or tables left behind");
      }
    }
  }

  private static Map<String, EpochRow> lastEpochs(JobSpec job) {
    return ResultsStore.open(job.results()).readEpochs().stream().filter(e -> e.epoch() == 2)
        .collect(Collectors.toMap(EpochRow::trialId, Function.identity()));
  }
}
