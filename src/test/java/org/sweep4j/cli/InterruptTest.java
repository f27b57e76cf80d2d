package org.sweep4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * Ctrl-C (SIGINT) and SIGTERM in the middle of a trial, for both trainers (one worker in one Spark
 * task per epoch; two workers under DL4J's parameter averaging): the driver exits with 130 or 143
 * and says how to resume, the running trial is recorded as interrupted with the epochs it finished,
 * the next trial never starts, claims and shards are released, and {@code --resume} finishes the
 * sweep. Before, the running trial was recorded as failed ("SparkContext was shut down") with its
 * epochs lost, the next trial started and failed too, a 30-line dump followed, and {@code _claims}
 * and {@code _shards} stayed.
 */
class InterruptTest {
  private static final Duration AWAIT = Duration.ofMinutes(4);
  private static final Duration STOP = Duration.ofSeconds(90);
  private static final int EPOCHS = 12;

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"INT, 130, 1", "TERM, 143, 2"})
  void aSignalStopsTheSweepCleanlyAndResumeFinishesIt(String signal, int code, int workers)
      throws Exception {
    Path job = dir.resolve("job.yaml");
    Files.writeString(
        job,
        """
        sweep: interrupted
        description: a signal mid-trial
        dataset: {source: synthetic, train_size: 256, test_size: 64}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1, 2]}
        training: {epochs: %d, batch_size: 32, probe_size: 16}
        distribution: {workers: %d, averaging_frequency: 2}
        output: {results: %s}
        """
            .formatted(EPOCHS, workers, dir.resolve("results")));
    String[] args = {job.toString(), "--master", "local[2]", "--trials-at-once", "1"};
    DriverProcess driver = DriverProcess.start(dir.resolve("first.log"), args);
    driver.awaitOutput("[trial 1/2 small_cnn relu s1] epoch 2/" + EPOCHS, AWAIT);
    driver.signal(signal);
    assertEquals(code, driver.finish(STOP), driver.output());

    String output = driver.output();
    assertTrue(
        output.contains("stopped by SIG" + signal + ": 1 trials interrupted")
            && output.contains("1 not started; run the same command with --resume"),
        output);
    assertFalse(output.contains("failed:"), output);
    assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
    assertFalse(output.contains("[trial 2/2"), "the next trial never starts:\n" + output);
    assertFalse(output.contains("report:"), "no report of a stopped sweep:\n" + output);

    ResultsStore store = ResultsStore.open(dir.resolve("results").toString());
    List<TrialRow> trials = store.readTrials();
    assertEquals(1, trials.size(), output);
    TrialRow.Outcome stopped = trials.get(0).outcome();
    assertEquals(TrialStatus.INTERRUPTED, stopped.status(), stopped.toString());
    assertTrue(stopped.epochsCompleted() >= 2 && stopped.epochsCompleted() < EPOCHS, output);
    assertEquals(stopped.epochsCompleted(), store.readEpochs().size(), "its epochs are kept");
    assertTrue(stopped.error().startsWith("SIG" + signal + " after "), stopped.error());
    List<RunRow> runs = store.readRuns();
    assertEquals(1, runs.size());
    assertEquals("SIG" + signal, runs.get(0).stoppedBy());
    assertEquals(1, runs.get(0).interrupted());
    assertFalse(Files.exists(dir.resolve("results/_claims")), "claims are released");
    assertFalse(Files.exists(dir.resolve("results/_shards")), "shards are removed");

    List<EpochRow> before = store.readEpochs();
    boolean checkpointed = workers == 1;
    assertEquals(
        checkpointed,
        Files.exists(dir.resolve("results/_checkpoints/" + trials.get(0).trialId())),
        "a one-worker trial keeps its last epoch's state to resume from");

    DriverProcess resumed = DriverProcess.start(dir.resolve("again.log"), withResume(args));
    assertEquals(0, resumed.finish(AWAIT), resumed.output());
    assertTrue(
        resumed.output().contains("2 trials, 2 to run, 0 already recorded"), resumed.output());
    assertEquals(
        checkpointed,
        resumed.output().contains("resumes after epoch " + stopped.epochsCompleted() + " of "),
        resumed.output());
    List<TrialRow> after = store.readTrials();
    assertEquals(2, after.size());
    after.forEach(t -> assertEquals(TrialStatus.FINISHED, t.outcome().status(), t.toString()));
    assertEquals(2 * EPOCHS, store.readEpochs().size());
    assertFalse(Files.exists(dir.resolve("results/_checkpoints")), "settled trials keep none");
    if (checkpointed) {
      // The resumed trial kept its first epochs and learnt what an unstopped run learns.
      List<EpochRow> resumedEpochs = epochsOf(store.readEpochs(), trials.get(0).trialId());
      for (EpochRow epoch : before) {
        assertEquals(epoch, resumedEpochs.get(epoch.epoch() - 1));
      }
      // In a fresh JVM like the other two: one that ran other tests may pick other native kernels.
      String[] reference = java.util.Arrays.copyOf(args, args.length + 3);
      reference[args.length] = "--results";
      reference[args.length + 1] = dir.resolve("unstopped").toString();
      reference[args.length + 2] = "--no-report";
      DriverProcess unstopped = DriverProcess.start(dir.resolve("unstopped.log"), reference);
      assertEquals(0, unstopped.finish(AWAIT), unstopped.output());
      List<EpochRow> unstoppedEpochs =
          epochsOf(
              ResultsStore.open(dir.resolve("unstopped").toString()).readEpochs(),
              trials.get(0).trialId());
      for (int e = 0; e < EPOCHS; e++) {
        assertEquals(
            unstoppedEpochs.get(e).valLoss(),
            resumedEpochs.get(e).valLoss(),
            1e-6,
            "val loss of epoch " + (e + 1) + " after resuming");
      }
    }
  }

  private static List<EpochRow> epochsOf(List<EpochRow> epochs, String trialId) {
    return epochs.stream()
        .filter(e -> e.trialId().equals(trialId))
        .sorted(java.util.Comparator.comparingInt(EpochRow::epoch))
        .toList();
  }

  private static String[] withResume(String[] args) {
    String[] resume = java.util.Arrays.copyOf(args, args.length + 2);
    resume[args.length] = "--resume";
    resume[args.length + 1] = "--no-report";
    return resume;
  }
}
