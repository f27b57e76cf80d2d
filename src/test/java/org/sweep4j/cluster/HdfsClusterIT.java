package org.sweep4j.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
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
 * HDFS for real: Hadoop's own mini cluster (a namenode and a datanode in this JVM) holds the
 * CIFAR-10 files, the run's data shards and the result tables of sweeps spark-submitted to a real
 * standalone cluster. Its executors run in JVMs of their own under their workers' own work
 * directories, so their shards can only come from HDFS. A driver killed mid-sweep resumes there,
 * two drivers share one HDFS results directory, and {@code sql} and {@code report} read the HDFS
 * tables.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsClusterIT {
  private static final Duration AWAIT = Duration.ofMinutes(5);
  private static final Duration FINISH = Duration.ofMinutes(10);

  @TempDir static Path dir;

  private static MiniHdfs hdfs;
  private static LocalCluster cluster;
  private static String root;

  @BeforeAll
  static void startClusters() throws Exception {
    hdfs = MiniHdfs.start(new Configuration(), dir);
    root = hdfs.root();
    cluster = LocalCluster.start(Files.createDirectories(dir.resolve("cluster")));
  }

  @AfterAll
  static void stopClusters() throws Exception {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (hdfs != null) {
        hdfs.close();
      }
    }
  }

  @Test
  @Order(1)
  void aSweepReadsItsDataFromHdfsAndWritesEveryTableThere() throws Exception {
    String results = root + "/sweeps/smoke";
    String console = finish(submit(job("hdfs-smoke", 2), results, "smoke.log"));
    assertTrue(console.contains("results in " + results), console);

    ResultsStore store = ResultsStore.open(results);
    List<TrialRow> trials = store.readTrials();
    assertEquals(2, trials.size(), console);
    trials.forEach(t -> assertEquals(TrialStatus.FINISHED, t.outcome().status(), t.toString()));
    assertEquals(4, store.readEpochs().size());
    assertFalse(store.readLayerStats().isEmpty());
    FileSystem fs = hdfs.fileSystem();
    assertFalse(
        fs.exists(new org.apache.hadoop.fs.Path(results + "/_shards")),
        "the run removed its shards from HDFS");
    assertFalse(Files.exists(LocalCluster.REPO.resolve("results/hdfs-smoke")));
  }

  @Test
  @Order(2)
  void sqlAndReportReadTheHdfsTables() throws Exception {
    String results = root + "/sweeps/smoke";
    String sql =
        cli(
            "sql",
            results,
            "SELECT activation, COUNT(*) AS epochs FROM epochs JOIN trials USING"
                + " (trial_id) GROUP BY activation ORDER BY activation");
    assertTrue(sql.contains("relu") && sql.contains("tanh"), sql);
    Path report = dir.resolve("report");
    cli("report", results, "--out", report.toString());
    assertTrue(Files.readString(report.resolve("report.md")).contains("relu"));
  }

  @Test
  @Order(3)
  void aKilledDriverResumesOnHdfs() throws Exception {
    String results = root + "/sweeps/killed";
    Path job = job("hdfs-killed", 3);
    DriverProcess first = submit(job, results, "killed-1.log");
    first.awaitOutput("[trial 2/2 small_cnn tanh s1] epoch 1/3", AWAIT);
    first.kill();
    assertEquals(1, ResultsStore.open(results).readTrials().size(), "the first trial only");
    // The killed run's shards are on HDFS, where its executors read them, not on a local disk.
    FileSystem fs = hdfs.fileSystem();
    org.apache.hadoop.fs.Path shards = new org.apache.hadoop.fs.Path(results + "/_shards");
    assertTrue(fs.exists(shards) && fs.listStatus(shards).length == 1, "one run's shards on HDFS");

    String console = finish(submit(job, results, "killed-2.log", "--resume"));
    assertTrue(console.contains("2 trials, 1 to run, 1 already recorded"), console);
    assertTrue(console.contains("removed the data shards of an interrupted run"), console);
    assertFalse(fs.exists(shards), "the resumed run cleaned both runs' shards up");
    ResultsStore store = ResultsStore.open(results);
    assertEquals(2, store.readTrials().size());
    store
        .readTrials()
        .forEach(t -> assertEquals(TrialStatus.FINISHED, t.outcome().status(), t.toString()));
    assertEquals(6, store.readEpochs().size(), "3 epochs each, none twice");
  }

  @Test
  @Order(4)
  void twoDriversShareOneHdfsResultsDirectory() throws Exception {
    String results = root + "/sweeps/shared";
    Path job = seedsJob("hdfs-shared");
    DriverProcess one = submit(job, results, "shared-1.log", "--resume");
    DriverProcess two = submit(job, results, "shared-2.log", "--resume");
    String consoles = finish(one) + finish(two);

    ResultsStore store = ResultsStore.open(results);
    List<TrialRow> trials = store.readTrials();
    assertEquals(4, trials.size(), consoles);
    trials.forEach(t -> assertEquals(TrialStatus.FINISHED, t.outcome().status(), t.toString()));
    Set<String> keys = new HashSet<>();
    for (EpochRow epoch : store.readEpochs()) {
      assertTrue(keys.add(epoch.trialId() + "/" + epoch.epoch()), "trained twice: " + epoch);
    }
    assertEquals(8, keys.size(), consoles);
  }

  private static DriverProcess submit(Path job, String results, String log, String... more)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--results", results, "--no-report"));
    args.addAll(List.of(more));
    return cluster.submit(job, args, dir.resolve(log));
  }

  /** The smoke sweep (2 workers per trial) on the HDFS copy of CIFAR-10's binary layout. */
  private static Path job(String sweep, int epochs) throws IOException {
    Path job = dir.resolve(sweep + ".yaml");
    Files.writeString(
        job,
        """
        sweep: %s
        description: ReLU vs tanh, small CNN, data and results on HDFS
        dataset: {source: cifar10, path: %s, train_size: 512, test_size: 128}
        grid: {activations: [relu, tanh], architectures: [small_cnn], seeds: [1]}
        training: {epochs: %d, batch_size: 64, train_eval_size: 128, probe_size: 32}
        distribution: {workers: 2, averaging_frequency: 2}
        """
            .formatted(sweep, hdfs.data(), epochs));
    return job;
  }

  /** Four one-worker trials of two epochs: enough for two drivers to split. */
  private static Path seedsJob(String sweep) throws IOException {
    Path job = dir.resolve(sweep + ".yaml");
    Files.writeString(
        job,
        """
        sweep: %s
        description: four one-worker trials, two drivers
        dataset: {source: cifar10, path: %s, train_size: 1000, test_size: 100}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1, 2, 3, 4]}
        training: {epochs: 2, batch_size: 50, train_eval_size: 100, probe_size: 50}
        distribution: {workers: 1, averaging_frequency: 1}
        """
            .formatted(sweep, hdfs.data()));
    return job;
  }

  /** {@code java -jar target/sweep4j.jar ARGS}: its console; fails on a non-zero exit. */
  private static String cli(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                LocalCluster.REPO.resolve("target/sweep4j.jar").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "sweep4j " + args[0] + " did not end: " + out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static String finish(DriverProcess driver) throws IOException, InterruptedException {
    assertEquals(0, driver.finish(FINISH), driver.output());
    return driver.output();
  }
}
