package org.sweep4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.bench.ActivationBench;
import org.sweep4j.bench.BenchSettings;
import org.sweep4j.bench.Benchmark;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.dl4jm2.NativeThreads;
import org.sweep4j.training.SparkSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sweep4j bench}: training throughput single-JVM, through Spark, and against PyTorch, in one
 * run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure training throughput of each architecture: single JVM, Spark parameter averaging on"
          + " local[WORKERS], and PyTorch anchors on the same minibatches and threads: PyTorch 2.7.1"
          + " (MKL, oneDNN) through DJL where `mvn -Ptorch-djl package` put it in target/torch-djl"
          + " (or SWEEP4J_TORCH_DJL names it), and a Python's PyTorch where one is installed."
          + " Prints 'anchor NAME: BUILD', 'bench ARCH MODE N img/s', 'ratio ARCH MODE X vs"
          + " ANCHOR' (sweep4j / that anchor; trials against the anchor's trials), 'ratio ARCH"
          + " sweep-vs-single X', Spark's overhead against the single JVM, and CPU utilisation."
    })
final class BenchCommand implements Callable<Integer> {
  private static final String ALL = "all";

  @Option(
      names = "--architectures",
      split = ",",
      paramLabel = "NAME",
      description = "Architectures to measure (default: all).")
  List<String> architectures;

  @Option(
      names = "--activation",
      defaultValue = "relu",
      paramLabel = "NAME",
      description =
          "Activation in every hidden layer, e.g. selu or leaky_relu(alpha=0.2); 'all' times the"
              + " single JVM with each of the 14 in turn and prints its images/s as a ratio to"
              + " relu's (default: ${DEFAULT-VALUE}).")
  String activation;

  @Option(
      names = "--batch-size",
      defaultValue = "100",
      description = "Images per minibatch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "Minibatches before timing (default: ${DEFAULT-VALUE}).")
  int warmup;

  // 100: Spark's one-off cost per fitPaths call (broadcasting the network, starting the workers) is
  // paid once
  // per epoch in a sweep, 50 averaging rounds of 2 workers on CIFAR-10; 4 rounds (40) weighted it
  // 12 times over.
  @Option(
      names = "--batches",
      defaultValue = "100",
      description = "Minibatches timed (default: ${DEFAULT-VALUE}).")
  int batches;

  @Option(
      names = "--threads",
      description = "Native threads of the single JVM and PyTorch (default: all cores).")
  Integer threads;

  @Option(names = "--workers", description = "Spark workers, local[WORKERS] (default: all cores).")
  Integer workers;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master of the spark, sweep and driver modes (default: spark-submit's, else"
              + " local[WORKERS]); on a cluster the driver mode's CPU time is the driver's alone.")
  String master;

  @Option(
      names = "--averaging-frequency",
      defaultValue = "5",
      description =
          "Minibatches per worker between parameter averagings (default: ${DEFAULT-VALUE}, as job files).")
  int averagingFrequency;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description = "CIFAR-10 binary data to train on (default: the built-in synthetic set).")
  String data;

  @Option(
      names = "--modes",
      split = ",",
      defaultValue = "single,spark,torch,peak",
      description =
          "Which of single, spark, trials (one training per thread side by side, one thread each),"
              + " sweep (a real sweep end to end, seed-job settings, against single), driver (the driver's cost per"
              + " trial-epoch, trial and averaging round), torch (every PyTorch anchor installed; with trials,"
              + " also one anchor process per thread), peak (GFLOP/s of one large oneDNN matrix"
              + " product on the same threads, and each mode's training GFLOP/s as a share of it) to run"
              + " (default: ${DEFAULT-VALUE}).")
  List<String> modes;

  @Option(
      names = "--sweep-trials",
      defaultValue = "4",
      description = "Trials (seeds) of the sweep mode's sweep (default: ${DEFAULT-VALUE}).")
  int sweepTrials;

  @Option(
      names = "--sweep-epochs",
      defaultValue = "3",
      description = "Epochs of each of its trials (default: ${DEFAULT-VALUE}).")
  int sweepEpochs;

  @Option(
      names = "--sweep-images",
      defaultValue = "10000",
      description =
          "Training images of its trials; a fifth of that is scored every epoch as test set and"
              + " again as training-evaluation subset (default: ${DEFAULT-VALUE}).")
  int sweepImages;

  @Override
  public Integer call() {
    BenchSettings settings = settings();
    // Under spark-submit (spark.master set) the bench runs on the submitted master.
    String sparkMaster =
        master != null
            ? master
            : System.getProperty("spark.master") != null
                ? null
                : "local[" + settings.workers() + "]";
    System.out.printf(
        "sweep4j bench: %s, activation %s, batch %d, %d warm-up + %d timed minibatches, %d threads,"
            + " spark %s averaging every %d; data %s; %s%n",
        settings.architectures(),
        ALL.equals(activation) ? ALL : settings.activation(),
        batchSize,
        warmup,
        batches,
        settings.threads(),
        sparkMaster == null ? System.getProperty("spark.master") : sparkMaster,
        averagingFrequency,
        data == null ? "synthetic" : data,
        NativeThreads.describeBackend(settings.threads()));
    if (ALL.equals(activation)) {
      new ActivationBench(settings, System.out).run();
      return 0;
    }
    SparkSession[] spark = new SparkSession[1];
    try {
      new Benchmark(settings, System.out, () -> started(spark, sparkMaster)).run();
    } finally {
      if (spark[0] != null) {
        spark[0].stop();
      }
    }
    return 0;
  }

  /** The Spark session of the modes that need one, started on first use. */
  private static SparkSession started(SparkSession[] spark, String sparkMaster) {
    if (spark[0] == null) {
      spark[0] = SparkSetup.session(sparkMaster, "sweep4j bench", false);
    }
    return spark[0];
  }

  private BenchSettings settings() {
    int cores = Runtime.getRuntime().availableProcessors();
    List<Architecture> chosen =
        architectures == null
            ? Architecture.all()
            : architectures.stream()
                .map(a -> Options.parse("--architectures", () -> Architecture.parse(a)))
                .toList();
    ActivationSpec chosenActivation =
        ALL.equals(activation)
            ? ActivationSpec.of(ActivationName.RELU)
            : Options.parse("--activation", () -> ActivationSpec.parse(activation));
    return Options.check(
        () ->
            new BenchSettings(
                chosen,
                chosenActivation,
                batchSize,
                warmup,
                batches,
                threads == null ? cores : threads,
                workers == null ? cores : workers,
                averagingFrequency,
                data,
                modes,
                new BenchSettings.SweepSize(sweepTrials, sweepEpochs, sweepImages)));
  }
}
