package org.sweep4j.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.cli.DriverProcess;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * Spark on YARN for real: Hadoop's mini HDFS and mini YARN cluster (a resource manager and one node
 * manager, in this JVM) and {@code jobs/cluster/spark-submit.sh --master yarn --deploy-mode
 * client}, with HADOOP_CONF_DIR pointing at the mini clusters' configuration. The executors run in
 * YARN containers, read their shards from HDFS and the results land there.
 */
class YarnClusterIT {
  private static final Duration FINISH = Duration.ofMinutes(10);

  @TempDir static Path dir;

  private static MiniHdfs hdfs;
  private static MiniYARNCluster yarn;
  private static Path hadoopConf;
  private static String root;

  @BeforeAll
  static void startClusters() throws Exception {
    Configuration conf = new YarnConfiguration();
    hdfs = MiniHdfs.start(conf, dir);
    root = hdfs.root();
    conf.set("fs.defaultFS", root);
    // Containers are accounted, not enforced: the machine has 2 cores and 24 GiB, the executors ask
    // for what conf/spark-defaults.conf gives them.
    conf.setInt(YarnConfiguration.NM_PMEM_MB, 16384);
    conf.setInt(YarnConfiguration.NM_VCORES, 4);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 16384);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setFloat(
        YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f); // a full /tmp is fine
    // The capacity scheduler, as most clusters run it, with the one queue a fresh install has.
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    yarn = new MiniYARNCluster("sweep4j", 1, 1, 1);
    yarn.init(conf);
    yarn.start();
    // What a client's HADOOP_CONF_DIR holds: where the name node and the resource manager are, and
    // nothing of the mini clusters' test-only settings (their rack mapping class is not in Spark).
    hadoopConf = Files.createDirectories(dir.resolve("hadoop-conf"));
    Configuration effective = yarn.getConfig();
    Configuration client = new Configuration(false);
    client.set("fs.defaultFS", root);
    for (String key :
        List.of(
            YarnConfiguration.RM_ADDRESS,
            YarnConfiguration.RM_SCHEDULER_ADDRESS,
            YarnConfiguration.RM_WEBAPP_ADDRESS,
            YarnConfiguration.RM_HOSTNAME)) {
      if (effective.get(key) != null) {
        client.set(key, effective.get(key));
      }
    }
    for (String file : List.of("core-site.xml", "yarn-site.xml")) {
      try (OutputStream out = Files.newOutputStream(hadoopConf.resolve(file))) {
        client.writeXml(out);
      }
    }
  }

  @AfterAll
  static void stopClusters() {
    if (yarn != null) {
      yarn.stop();
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void aSweepRunsOnYarnWithItsDataAndResultsOnHdfs() throws Exception {
    Path job = dir.resolve("yarn-smoke.yaml");
    Files.writeString(
        job,
        """
        sweep: yarn-smoke
        description: ReLU vs tanh on YARN, one-worker trials, data and results on HDFS
        dataset: {source: cifar10, path: %s, train_size: 512, test_size: 128}
        grid: {activations: [relu, tanh], architectures: [small_cnn], seeds: [1]}
        training: {epochs: 2, batch_size: 64, train_eval_size: 128, probe_size: 32}
        distribution: {workers: 1, averaging_frequency: 1}
        """
            .formatted(hdfs.data()));
    String results = root + "/sweeps/yarn";
    Path sparkJars = LocalCluster.REPO.resolve("target/spark-home/jars");
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                LocalCluster.REPO.resolve("jobs/cluster/spark-submit.sh").toString(),
                "--master",
                "yarn",
                "--deploy-mode",
                "client",
                "--properties-file",
                LocalCluster.REPO.resolve("conf/spark-defaults.conf").toString(),
                "--conf",
                "spark.executor.instances=2",
                "--conf",
                "spark.executor.cores=1",
                "--conf",
                "spark.executor.memory=1g",
                "--conf",
                "spark.executor.memoryOverhead=1g",
                "--conf",
                "spark.yarn.am.memory=512m",
                // Every node of this one-machine cluster has Spark's jars: none are uploaded.
                "--conf",
                "spark.yarn.jars=local:" + sparkJars + "/*",
                "--conf",
                "spark.executorEnv.JAVA_HOME=" + System.getProperty("java.home"),
                "--conf",
                "spark.yarn.appMasterEnv.JAVA_HOME=" + System.getProperty("java.home"),
                "--class",
                "org.sweep4j.cli.Main",
                LocalCluster.REPO.resolve("target/sweep4j.jar").toString(),
                "run",
                job.toString(),
                "--results",
                results,
                "--no-report"));
    Path log = dir.resolve("yarn.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(LocalCluster.REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("HADOOP_CONF_DIR", hadoopConf.toString());
    builder
        .environment()
        .put("SPARK_CONF_DIR", hadoopConf.toString() + ":" + LocalCluster.REPO.resolve("conf"));
    DriverProcess driver = DriverProcess.watch(builder.start(), log);
    assertEquals(0, driver.finish(FINISH), driver.output());
    String console = driver.output();
    assertTrue(console.contains("master yarn"), console);

    ResultsStore store = ResultsStore.open(results);
    List<TrialRow> trials = store.readTrials();
    assertEquals(2, trials.size(), console);
    for (TrialRow trial : trials) {
      assertEquals(TrialStatus.FINISHED, trial.outcome().status(), trial.toString());
      assertEquals("yarn", trial.provenance().sparkMaster());
    }
    assertEquals(4, store.readEpochs().size());
  }
}
