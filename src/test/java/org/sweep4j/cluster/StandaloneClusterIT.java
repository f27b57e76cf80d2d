package org.sweep4j.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.cli.DriverProcess;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * spark-submit to a real standalone cluster (master + two one-core workers, executors in their own
 * JVMs): the tiny sweep shipped in {@code jobs/cluster} records every table; a driver killed
 * mid-sweep is resubmitted with {@code --resume} and finishes without duplicates; a worker killed
 * mid-trial costs neither the trial's row nor the rest of the sweep. The worker is killed last, so
 * the order matters.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Duration AWAIT = Duration.ofMinutes(5);
  private static final Duration FINISH = Duration.ofMinutes(10);

  @TempDir static Path dir;

  private static LocalCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = LocalCluster.start(Files.createDirectories(dir.resolve("cluster")));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void sweepRunsOnTheClusterAndRecordsEveryTable() throws Exception {
    Path results = dir.resolve("smoke");
    Path log = dir.resolve("smoke.log");
    DriverProcess submit =
        cluster.submit(
            LocalCluster.REPO.resolve("jobs/cluster/cluster-smoke.yaml"),
            List.of("--results", results.toString(), "--no-report"),
            log);
    String console = finish(submit);
    assertTrue(console.contains("[trial 2/2 small_cnn tanh s1] epoch 2/2"), console);

    ResultsStore store = ResultsStore.open(results.toString());
    List<TrialRow> trials = store.readTrials();
    assertEquals(2, trials.size(), console);
    for (TrialRow trial : trials) {
      assertEquals(TrialStatus.FINISHED, trial.outcome().status(), trial.outcome().error());
      assertEquals(cluster.masterUrl(), trial.provenance().sparkMaster());
      assertTrue(
          trial
              .provenance()
              .nativeBackend()
              .endsWith("(OPENBLAS, driver; executors: OMP_NUM_THREADS=1)"),
          trial.provenance().nativeBackend());
      assertEquals(2, trial.outcome().epochsCompleted());
      assertEquals(0, trial.provenance().taskFailures(), "nothing to recover from");
      assertEquals(0, trial.provenance().executorsLost());
    }
    assertEquals(4, store.readEpochs().size());
    assertFalse(store.readLayerStats().isEmpty(), "layer_stats written on the cluster too");
    // Two executor JVMs, one per worker, did the training: each worker made a directory for this
    // application.
    for (int worker = 1; worker <= 2; worker++) {
      try (Stream<Path> apps = Files.list(dir.resolve("cluster/work/worker-" + worker))) {
        assertEquals(
            1,
            apps.filter(p -> p.getFileName().toString().startsWith("app-")).count(),
            "worker " + worker + " launched no executor for the sweep");
      }
    }
  }

  @Test
  @Order(2)
  void aKilledDriverResumesOnTheCluster() throws Exception {
    Path job = smokeVariant("cluster-killed", 3);
    Path results = dir.resolve("killed");
    List<String> args = List.of("--results", results.toString(), "--no-report");
    DriverProcess first = cluster.submit(job, args, dir.resolve("killed-1.log"));
    first.awaitOutput("[trial 2/2 small_cnn tanh s1] epoch 1/3", AWAIT);
    // SIGKILL to the script's exec'd JVM: the driver itself, no shutdown hooks.
    first.kill();
    assertEquals(
        1,
        ResultsStore.open(results.toString()).readTrials().size(),
        "the first trial, and only it");

    List<String> resume = List.of("--results", results.toString(), "--no-report", "--resume");
    String console = finish(cluster.submit(job, resume, dir.resolve("killed-2.log")));
    assertTrue(console.contains("2 trials, 1 to run, 1 already recorded"), console);
    List<TrialRow> trials = ResultsStore.open(results.toString()).readTrials();
    assertEquals(2, trials.size());
    trials.forEach(t -> assertEquals(TrialStatus.FINISHED, t.outcome().status(), t.toString()));
    assertEquals(
        6, ResultsStore.open(results.toString()).readEpochs().size(), "3 epochs each, none twice");
  }

  @Test
  @Order(3)
  void oneWorkerTrialsFillBothWorkersWithoutAFlag() throws Exception {
    Path job = slotsJob("cluster-slots");
    Path events = Files.createDirectories(dir.resolve("events"));
    Path results = dir.resolve("slots");
    String console =
        finish(
            cluster.submit(
                job,
                List.of("--results", results.toString(), "--no-report"),
                "--conf spark.eventLog.enabled=true --conf spark.eventLog.dir=" + events.toUri(),
                dir.resolve("slots.log")));

    ResultsStore store = ResultsStore.open(results.toString());
    List<RunRow> runs = store.readRuns();
    assertEquals(1, runs.size(), console);
    RunRow run = runs.get(0);
    assertEquals(4, run.finished(), console);
    assertEquals(2, run.slots(), "two one-core executors");
    assertTrue(
        run.slotUtilisation() >= 0.8, "slots busy " + run.slotUtilisation() + "\n" + console);
    for (TrialRow trial : store.readTrials()) {
      assertTrue(
          trial.provenance().nativeBackend().endsWith("(OPENBLAS, 1 threads per task)"),
          "the executor reports the threads it trained with: "
              + trial.provenance().nativeBackend());
    }

    // Spark's own record of the tasks: once both executors had started (the second registers a few
    // seconds
    // after the first), both trained at the same time until one ran out of trials.
    List<TaskSpan> tasks = TaskSpan.fromEventLog(events);
    assertEquals(
        Set.of("0", "1"), tasks.stream().map(TaskSpan::executor).collect(Collectors.toSet()));
    long bothStarted = TaskSpan.firstLaunchOfLast(tasks);
    long firstDone = TaskSpan.lastFinishOfFirst(tasks);
    long both = TaskSpan.timeWithAtLeast(2, TaskSpan.clip(tasks, bothStarted, firstDone));
    assertTrue(
        both >= 0.8 * (firstDone - bothStarted),
        "two tasks at once for "
            + both
            + " of "
            + (firstDone - bothStarted)
            + " ms\n"
            + tasks
            + "\n"
            + console);
  }

  @Test
  @Order(4)
  void withDynamicAllocationTheSweepAsksForTheExecutorsItCanFill() throws Exception {
    Path job = slotsJob("cluster-dynamic");
    Path results = dir.resolve("dynamic");
    String dynamic =
        "--conf spark.dynamicAllocation.enabled=true"
            + " --conf spark.dynamicAllocation.shuffleTracking.enabled=true"
            + " --conf spark.dynamicAllocation.initialExecutors=0 --conf spark.dynamicAllocation.minExecutors=0"
            + " --conf spark.dynamicAllocation.maxExecutors=2 --conf spark.dynamicAllocation.schedulerBacklogTimeout=1s";
    String console =
        finish(
            cluster.submit(
                job,
                List.of("--results", results.toString(), "--no-report"),
                dynamic,
                dir.resolve("dynamic.log")));
    List<TrialRow> byStart =
        ResultsStore.open(results.toString()).readTrials().stream()
            .sorted(java.util.Comparator.comparing(t -> t.outcome().startedAt()))
            .toList();
    assertEquals(4, byStart.size(), console);
    assertTrue(
        byStart.get(1).outcome().startedAt().isBefore(byStart.get(0).outcome().finishedAt()),
        "starting with no executor, the sweep still ran two trials at once: "
            + byStart
            + "\n"
            + console);
  }

  /**
   * Four one-worker trials of three epochs on 4,000 synthetic images, about ten seconds each on one
   * core. All ReLU: trials of unequal length (tanh trains a third slower) leave one slot idle at
   * the end of so short a sweep, which says nothing about the scheduler.
   */
  private static Path slotsJob(String sweep) throws IOException {
    Path job = dir.resolve(sweep + ".yaml");
    Files.writeString(
        job,
        """
        sweep: %s
        description: four one-worker trials on two one-core workers
        dataset: {source: synthetic, train_size: 4000, test_size: 200}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1, 2, 3, 4]}
        training: {epochs: 3, batch_size: 50, train_eval_size: 200, probe_size: 50}
        distribution: {workers: 1, averaging_frequency: 1}
        """
            .formatted(sweep));
    return job;
  }

  @Test
  @Order(5)
  void losingAWorkerMidTrialLosesNoTrialAndTheSweepGoesOn() throws Exception {
    Path job = smokeVariant("cluster-loss", 5);
    Path results = dir.resolve("loss");
    Path log = dir.resolve("loss.log");
    DriverProcess submit =
        cluster.submit(job, List.of("--results", results.toString(), "--no-report"), log);
    submit.awaitOutput("[trial 1/2 small_cnn relu s1] epoch 2/5", AWAIT);
    cluster.killWorker(2);
    String console = finish(submit);

    List<TrialRow> trials = ResultsStore.open(results.toString()).readTrials();
    assertEquals(2, trials.size(), console);
    List<EpochRow> epochs = ResultsStore.open(results.toString()).readEpochs();
    Set<String> keys = new HashSet<>();
    for (EpochRow epoch : epochs) {
      assertTrue(keys.add(epoch.trialId() + "/" + epoch.epoch()), "epoch recorded twice: " + epoch);
    }
    for (TrialRow trial : trials) {
      // Spark re-runs the lost executor's tasks on the other worker; if it gave up, the row says
      // why.
      if (trial.outcome().status() == TrialStatus.FINISHED) {
        assertEquals(5, trial.outcome().epochsCompleted(), trial.toString());
      } else {
        assertEquals(TrialStatus.FAILED, trial.outcome().status(), trial.toString());
        assertFalse(
            trial.outcome().error() == null || trial.outcome().error().isBlank(),
            "a failed trial names its reason");
      }
      assertEquals(
          trial.outcome().epochsCompleted(),
          epochs.stream().filter(e -> e.trialId().equals(trial.trialId())).count());
    }
    TrialRow second =
        trials.stream()
            .filter(t -> t.settings().activation().equals("tanh"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        TrialStatus.FINISHED,
        second.outcome().status(),
        "the trial after the loss runs on the remaining worker");
    TrialRow first =
        trials.stream()
            .filter(t -> t.settings().activation().equals("relu"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        first.provenance().executorsLost() >= 1,
        "the trial running when the worker died records the lost executor: " + first);
  }

  /** The shipped smoke job under another sweep name and epoch count. */
  private static Path smokeVariant(String sweep, int epochs) throws IOException {
    Path job = dir.resolve(sweep + ".yaml");
    Files.writeString(
        job,
        Files.readString(LocalCluster.REPO.resolve("jobs/cluster/cluster-smoke.yaml"))
            .replace("sweep: cluster-smoke", "sweep: " + sweep)
            .replace("epochs: 2", "epochs: " + epochs));
    return job;
  }

  /** Waits for the driver to end, requires success and returns its console. */
  private static String finish(DriverProcess driver) throws IOException, InterruptedException {
    assertEquals(0, driver.finish(FINISH), driver.output());
    return driver.output();
  }
}
