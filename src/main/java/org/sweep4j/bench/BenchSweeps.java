package org.sweep4j.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

  private final BenchSettings settings;
  private final Path work;
  private final SparkSession spark;
  private int made;

  BenchSweeps(BenchSettings settings, Path work, SparkSession spark) {
    this.settings = settings;
    this.work = work;
    this.spark = spark;
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
    String seeds =
        IntStream.rangeClosed(1, trials)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(", "));
    String data =
        dataPath == null
            ? "{source: synthetic, train_size: %d, test_size: %d}".formatted(images, testImages)
            : "{source: cifar10, path: '%s', train_size: %d, test_size: %d}"
                .formatted(dataPath.replace("'", "''"), images, testImages);
    String name = "bench-" + architecture.label() + "-" + ++made;
    return JobFileParser.parse(
        name + ".yaml",
        """
        sweep: %s
        description: sweep4j bench
        dataset: %s
        grid: {activations: ['%s'], architectures: [%s], seeds: [%s]}
        training: {epochs: %d, batch_size: %d, optimizer: adam, train_eval_size: %d, probe_size: %d}
        distribution: {workers: %d, averaging_frequency: %d, batch_size_per_worker: %d}
        output: {results: '%s'}
        """
            .formatted(
                name,
                data,
                settings.activation().canonical(),
                architecture.label(),
                seeds,
                epochs,
                batch * workers,
                trainEval,
                probe,
                workers,
                averagingFrequency,
                batch,
                work.resolve(name).toString().replace("'", "''")));
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
}
