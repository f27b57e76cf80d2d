package org.sweep4j.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.training.CpuMeter;
import org.sweep4j.training.SweepRunner;

/**
 * Real sweeps for the bench, run with {@link SweepRunner} exactly as {@code sweep4j run} runs them
 * (shards, scheduling, scoring, diagnostics and recording included), each into a fresh results
 * directory.
 */
final class BenchSweeps {
  /** What one timed sweep took and did. */
  record Timed(double seconds, double cpuSeconds, RunRow run) {}

  private static final String JOB =
      """
        sweep: %s
        description: sweep4j bench
        dataset: %s
        grid: {activations: ['%s'], architectures: [%s], seeds: [%s]}
        training: {epochs: %d, batch_size: %d, optimizer: adam, train_eval_size: %d, probe_size: %d}
        distribution: {workers: %d, averaging_frequency: %d, batch_size_per_worker: %d}
        output: {results: '%s'}
        """;

  private final BenchSettings settings;
  private final Path work;
  private final SparkSession spark;
  private final PrintStream out;
  private int made;

  BenchSweeps(BenchSettings settings, Path work, SparkSession spark, PrintStream out) {
    this.settings = settings;
    this.work = work;
    this.spark = spark;
    this.out = out;
  }

  /**
   * A sweep in the seed experiments' configuration ({@code workers: 1}, {@code averaging_frequency:
   * 1}): {@code trials} seeds of the bench's activation, {@code images} training images, and a
   * fifth of that as test set (scored every epoch) and as training-evaluation subset, the seed
   * jobs' proportion of 10,000 each to 50,000.
   */
  JobSpec seedJobLike(Architecture architecture, int trials, int epochs, int images) {
    int scored = Math.max(1, Math.min(10_000, images / 5));
    return job(
        architecture,
        trials,
        epochs,
        images,
        scored,
        scored,
        100,
        1,
        1,
        settings.batchSize(),
        settings.dataPath());
  }

  /**
   * A sweep of {@code trials} seeds, everything given; {@code batch} is the worker batch size,
   * {@code data} a CIFAR-10 path or null for synthetic images.
   */
  JobSpec job(
      Architecture architecture,
      int trials,
      int epochs,
      int images,
      int testImages,
      int trainEval,
      int probe,
      int workers,
      int averagingFrequency,
      int batch,
      String dataPath) {
    String name = "bench-" + architecture.label() + "-" + ++made;
    return JobFileParser.parse(
        name + ".yaml",
        JOB.formatted(
            name,
            dataset(dataPath, images, testImages),
            settings.activation().canonical(),
            architecture.label(),
            IntStream.rangeClosed(1, trials)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(", ")),
            epochs,
            batch * workers,
            trainEval,
            probe,
            workers,
            averagingFrequency,
            batch,
            work.resolve(name).toString().replace("'", "''")));
  }

  private static String dataset(String path, int images, int testImages) {
    return path == null
        ? "{source: synthetic, train_size: %d, test_size: %d}".formatted(images, testImages)
        : "{source: cifar10, path: '%s', train_size: %d, test_size: %d}"
            .formatted(path.replace("'", "''"), images, testImages);
  }

  /**
   * Runs a sweep with at most {@code trialsAtOnce} trials at once; its progress goes to {@code
   * progress}.
   */
  Timed run(JobSpec job, int trialsAtOnce, OutputStream progress) {
    CpuMeter cpu = new CpuMeter();
    long start = System.nanoTime();
    new SweepRunner(spark, new PrintStream(progress, true, StandardCharsets.UTF_8))
        .run(job, false, trialsAtOnce);
    double seconds = (System.nanoTime() - start) / 1e9;
    RunRow run = ResultsStore.open(job.results()).readRuns().get(0);
    return new Timed(seconds, cpu.cpuSeconds(), run);
  }

  /**
   * The {@code sweep} mode: a real sweep in the seed experiments' configuration, end to end as
   * {@code sweep4j run} runs it on this bench's Spark session: images trained over the sweep's
   * whole wall time (data loading, shards, scheduling, scoring, diagnostics and recording
   * included).
   */
  Measurement sweep(Architecture architecture) {
    BenchSettings.SweepSize size = settings.sweep();
    JobSpec job = seedJobLike(architecture, size.trials(), size.epochs(), size.images());
    out.printf(
        Locale.ROOT,
        "sweep %s: %d trials x %d epochs x %d images, workers 1, averaging every 1, scoring %d"
            + " test + %d training images per epoch, trials at once: auto on local[%d]%n",
        architecture.label(),
        size.trials(),
        size.epochs(),
        job.dataset().trainSize(),
        job.dataset().testSize(),
        job.shared().trainEvalSize(),
        settings.workers());
    Timed timed = run(job, SweepRunner.AUTO_TRIALS_AT_ONCE, OutputStream.nullOutputStream());
    Double slotUse = timed.run().slotUtilisation();
    out.printf(
        Locale.ROOT,
        "sweep %s: %.1f s, slots %.0f%% busy%n",
        architecture.label(),
        timed.seconds(),
        slotUse == null ? Double.NaN : 100 * slotUse);
    return new Measurement(
        architecture.label(),
        "sweep",
        timed.run().imagesTrained() / timed.seconds(),
        100 * timed.cpuSeconds() / (timed.seconds() * settings.threads()));
  }

  /**
   * The {@code driver} mode: what the driver spends beyond training, as the marginal cost of one
   * more unit in sweeps of minibatches of 8 synthetic images (nothing to load): per epoch of a
   * one-worker trial (one Spark task), per trial (claim, trainer, one epoch, record), per
   * parameter-averaging round of two workers (a Spark job that ships parameters and Adam's state
   * both ways). Wall time, and this JVM's CPU time (in local mode the executors' too, so an upper
   * bound of the driver's).
   */
  void driverCosts(Architecture architecture) {
    // Untimed: executors load their native libraries and compile the hot code with the first tasks.
    run(driverJob(architecture, new int[] {2, 5, 1}), 1, OutputStream.nullOutputStream());
    run(driverJob(architecture, new int[] {1, 1, 5}), 1, OutputStream.nullOutputStream());
    printCost(
        architecture,
        "trial-epoch",
        new int[] {1, 5, 1},
        new int[] {1, 45, 1},
        40,
        "one worker: one Spark task per epoch");
    printCost(
        architecture,
        "trial",
        new int[] {2, 1, 1},
        new int[] {10, 1, 1},
        8,
        "of one epoch: claim, trainer, epoch, record");
    printCost(
        architecture,
        "averaging-round",
        new int[] {1, 1, 5},
        new int[] {1, 1, 45},
        40,
        "2 workers, a Spark job each");
  }

  /**
   * Times sweeps of {@code few} and {@code many} ({trials, epochs, rounds}: rounds of two workers,
   * or one minibatch of one worker) and prints the cost of each of the {@code moreUnits} units the
   * second has more.
   */
  private void printCost(
      Architecture architecture, String unit, int[] few, int[] many, int moreUnits, String what) {
    Timed small = run(driverJob(architecture, few), 1, OutputStream.nullOutputStream());
    Timed large = run(driverJob(architecture, many), 1, OutputStream.nullOutputStream());
    out.printf(
        Locale.ROOT,
        "driver %s %s %.0f ms wall, %.0f ms cpu (%s)%n",
        architecture.label(),
        unit,
        1000 * (large.seconds() - small.seconds()) / moreUnits,
        1000 * (large.cpuSeconds() - small.cpuSeconds()) / moreUnits,
        what);
  }

  private JobSpec driverJob(Architecture architecture, int[] shape) {
    int batch = 8;
    boolean averaging = shape[2] > 1;
    int workers = averaging ? 2 : 1;
    int images = averaging ? workers * batch * shape[2] : batch;
    return job(architecture, shape[0], shape[1], images, 8, 8, 0, workers, 1, batch, null);
  }
}
