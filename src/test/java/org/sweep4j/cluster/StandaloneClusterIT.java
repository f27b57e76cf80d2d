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
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * spark-submit to a real standalone cluster (master + two one-core workers, executors in their own JVMs):
 * the tiny sweep shipped in {@code jobs/cluster} records every table; a driver killed mid-sweep is resubmitted
 * with {@code --resume} and finishes without duplicates; a worker killed mid-trial costs neither the trial's
 * row nor the rest of the sweep. The worker is killed last, so the order matters.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Duration AWAIT = Duration.ofMinutes(5);
  private static final Duration FINISH = Duration.ofMinutes(10);

  @TempDir
  static Path dir;

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
    DriverProcess submit = cluster.submit(LocalCluster.REPO.resolve("jobs/cluster/cluster-smoke.yaml"),
        List.of("--results", results.toString(), "--no-report"), log);
    String console = finish(submit);
    assertTrue(console.contains("[trial 2/2] epoch 2/2"), console);

    ResultsStore store = ResultsStore.open(results.toString());
    List<TrialRow> trials = store.readTrials();
    assertEquals(2, trials.size(), console);
    for (TrialRow trial : trials) {
      assertEquals(TrialStatus.FINISHED, trial.status(), trial.error());
      assertEquals(cluster.masterUrl(), trial.provenance().sparkMaster());
      assertTrue(trial.provenance().nativeBackend().endsWith("(OPENBLAS, driver; executors: OMP_NUM_THREADS=1)"),
          trial.provenance().nativeBackend());
      assertEquals(2, trial.epochsCompleted());
    }
    assertEquals(4, store.readEpochs().size());
    assertFalse(store.readLayerStats().isEmpty(), "layer_stats written on the cluster too");
    // Two executor JVMs, one per worker, did the training: each worker made a directory for this application.
    for (int worker = 1; worker <= 2; worker++) {
      try (Stream<Path> apps = Files.list(dir.resolve("cluster/work/worker-" + worker))) {
        assertEquals(1, apps.filter(p -> p.getFileName().toString().startsWith("app-")).count(),
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
    first.awaitOutput("[trial 2/2] epoch 1/3", AWAIT);
    // SIGKILL to the script's exec'd JVM: the driver itself, no shutdown hooks.
    first.kill();
    assertEquals(1, ResultsStore.open(results.toString()).readTrials().size(), "the first trial, and only it");

    List<String> resume = List.of("--results", results.toString(), "--no-report", "--resume");
    String console = finish(cluster.submit(job, resume, dir.resolve("killed-2.log")));
    assertTrue(console.contains("2 trials, 1 to run, 1 already recorded"), console);
    List<TrialRow> trials = ResultsStore.open(results.toString()).readTrials();
    assertEquals(2, trials.size());
    trials.forEach(t -> assertEquals(TrialStatus.FINISHED, t.status(), t.toString()));
    assertEquals(6, ResultsStore.open(results.toString()).readEpochs().size(), "3 epochs each, none twice");
  }

  @Test
  @Order(3)
  void losingAWorkerMidTrialLosesNoTrialAndTheSweepGoesOn() throws Exception {
    Path job = smokeVariant("cluster-loss", 5);
    Path results = dir.resolve("loss");
    Path log = dir.resolve("loss.log");
    DriverProcess submit = cluster.submit(job, List.of("--results", results.toString(), "--no-report"), log);
    submit.awaitOutput("[trial 1/2] epoch 2/5", AWAIT);
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
      // Spark re-runs the lost executor's tasks on the other worker; if it gave up, the row says why.
      if (trial.status() == TrialStatus.FINISHED) {
        assertEquals(5, trial.epochsCompleted(), trial.toString());
      } else {
        assertEquals(TrialStatus.FAILED, trial.status(), trial.toString());
        assertFalse(trial.error() == null || trial.error().isBlank(), "a failed trial names its reason");
      }
      assertEquals(trial.epochsCompleted(), epochs.stream().filter(e -> e.trialId().equals(trial.trialId())).count());
    }
    TrialRow second = trials.stream().filter(t -> t.activation().equals("tanh")).findFirst().orElseThrow();
    assertEquals(TrialStatus.FINISHED, second.status(), "the trial after the loss runs on the remaining worker");
  }

  /** The shipped smoke job under another sweep name and epoch count. */
  private static Path smokeVariant(String sweep, int epochs) throws IOException {
    Path job = dir.resolve(sweep + ".yaml");
    Files.writeString(job, Files.readString(LocalCluster.REPO.resolve("jobs/cluster/cluster-smoke.yaml"))
        .replace("sweep: cluster-smoke", "sweep: " + sweep).replace("epochs: 2", "epochs: " + epochs));
    return job;
  }

  /** Waits for the driver to end, requires success and returns its console. */
  private static String finish(DriverProcess driver) throws IOException, InterruptedException {
    assertEquals(0, driver.finish(FINISH), driver.output());
    return driver.output();
  }
}
