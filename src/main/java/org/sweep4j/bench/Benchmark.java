package org.sweep4j.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.Architecture;
import org.sweep4j.data.DataLoader;
import org.sweep4j.data.ImageSet;
import org.sweep4j.data.Minibatches;
import org.sweep4j.data.ShardWriter;
import org.sweep4j.dl4jm2.NativeThreads;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.training.AveragingTrainer;
import org.sweep4j.training.CpuMeter;
import org.sweep4j.training.PinnedShardLoader;

/**
 * Times training of each architecture: single JVM ({@code MultiLayerNetwork.fit} on decoded
 * minibatches), Spark parameter averaging on {@code local[workers]} (the sweep's own training
 * master, reading shard files as a sweep does), and the PyTorch anchor on the same records. Every
 * mode warms up first and then trains new minibatches, so no timing includes JIT compilation or
 * first-touch allocation.
 */
public final class Benchmark {
  private final BenchSettings settings;
  private final PrintStream out;
  private final Supplier<SparkSession> spark;

  /**
   * @param spark made on first use, so a bench without the spark mode starts no Spark
   */
  public Benchmark(BenchSettings settings, PrintStream out, Supplier<SparkSession> spark) {
    this.settings = settings;
    this.out = out;
    this.spark = spark;
  }

  public List<Measurement> run() {
    ImageSet images =
        DataLoader.load(settings.trial(settings.architectures().get(0), 1).dataset()).train();
    Path work = temporaryDirectory();
    List<Measurement> all = new ArrayList<>();
    try {
      Path records = work.resolve("bench-records.bin");
      Files.write(records, images.records(0, images.size()));
      Optional<TorchAnchor> torch =
          settings.runs("torch") ? TorchAnchor.find(out) : Optional.empty();
      for (Architecture architecture : settings.architectures()) {
        List<Measurement> measured = new ArrayList<>();
        if (settings.runsSingle()) {
          measured.add(single(architecture, images));
        }
        if (settings.runs("spark")) {
          measured.add(spark(architecture, images, work.resolve(architecture.label())));
        }
        if (settings.runs("trials")) {
          measured.add(trialsSideBySide(architecture, images));
        }
        if (settings.runs("sweep")) {
          measured.add(sweep(architecture, work));
        }
        if (settings.runs("driver")) {
          driverCosts(architecture, work);
        }
        if (torch.isPresent()) {
          torch.get().measure(settings, architecture, records).ifPresent(measured::add);
        }
        measured.forEach(m -> out.println(m.line()));
        summarise(architecture, measured);
        all.addAll(measured);
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "bench: cannot write its data under " + work + ": " + e.getMessage(), e);
    } finally {
      deleteRecursively(work);
    }
  }

  private Measurement single(Architecture architecture, ImageSet images) {
    NativeThreads.set(settings.threads());
    Training training = new Training(architecture, images);
    training.warmUp();
    CpuMeter cpu = new CpuMeter();
    long start = System.nanoTime();
    training.timed();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Measurement(
        architecture.label(),
        "single",
        settings.batches() * settings.batchSize() / seconds,
        cpu.percent(settings.threads()));
  }

  /**
   * One training per thread of the budget, side by side in this JVM, each on one native thread:
   * what a sweep would get from running that many trials at once instead of one trial on every
   * core. Images/s counts all of them; the timing starts when every one has warmed up.
   */
  private Measurement trialsSideBySide(Architecture architecture, ImageSet images) {
    int trials = settings.threads();
    NativeThreads.set(1);
    List<Training> trainings = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      trainings.add(new Training(architecture, images));
    }
    CyclicBarrier warmedUp = new CyclicBarrier(trials + 1);
    ExecutorService pool = Executors.newFixedThreadPool(trials);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Training training : trainings) {
        running.add(
            pool.submit(
                () -> {
                  NativeThreads.pinCurrentThread();
                  training.warmUp();
                  warmedUp.await();
                  training.timed();
                  return null;
                }));
      }
      warmedUp.await();
      CpuMeter cpu = new CpuMeter();
      long start = System.nanoTime();
      for (Future<?> trial : running) {
        trial.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Measurement(
          architecture.label(),
          "trials",
          (double) trials * settings.batches() * settings.batchSize() / seconds,
          cpu.percent(trials));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bench interrupted", e);
    } catch (ExecutionException | BrokenBarrierException e) {
      throw new IllegalStateException("bench: a side-by-side training failed: " + e.getCause(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One network and its minibatches, decoded up front so only training is timed. */
  private final class Training {
    private final MultiLayerNetwork network;
    private final List<DataSet> batches = new ArrayList<>();

    Training(Architecture architecture, ImageSet images) {
      network = new MultiLayerNetwork(ModelFactory.build(settings.trial(architecture, 1)));
      network.init();
      for (int b = 0; b < settings.warmupBatches() + settings.batches(); b++) {
        batches.add(
            Minibatches.fromRecords(
                images.records(b * settings.batchSize(), (b + 1) * settings.batchSize()),
                "bench images"));
      }
    }

    void warmUp() {
      batches.subList(0, settings.warmupBatches()).forEach(network::fit);
    }

    void timed() {
      batches.subList(settings.warmupBatches(), batches.size()).forEach(network::fit);
    }
  }

  private Measurement spark(Architecture architecture, ImageSet images, Path shards) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.get().sparkContext());
    TrialSpec trial = settings.trial(architecture, settings.workers());
    NativeThreads.set(Math.max(1, settings.threads() / settings.workers()));
    int batch = settings.batchSize();
    int warmupImages = settings.warmupBatches() * batch;
    int timedImages = settings.sparkBatches() * batch;
    ImageSet timed = images.slice(warmupImages, warmupImages + timedImages);
    JavaRDD<String> warmup =
        sc.parallelize(
            ShardWriter.write(
                images, warmupImages, batch, shards.resolve("warmup").toString(), "warmup"),
            settings.workers());
    JavaRDD<String> measured =
        sc.parallelize(
            ShardWriter.write(
                timed, timedImages, batch, shards.resolve("timed").toString(), "timed"),
            settings.workers());
    ParameterAveragingTrainingMaster master = AveragingTrainer.trainingMaster(trial);
    SparkDl4jMultiLayer network = new SparkDl4jMultiLayer(sc, ModelFactory.build(trial), master);
    try {
      sc.setJobDescription("bench " + architecture.label() + " spark warm-up");
      if (warmupImages > 0) {
        network.fitPaths(warmup, new PinnedShardLoader());
      }
      sc.setJobDescription("bench " + architecture.label() + " spark timed");
      CpuMeter cpu = new CpuMeter();
      long start = System.nanoTime();
      network.fitPaths(measured, new PinnedShardLoader());
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Measurement(
          architecture.label(), "spark", timedImages / seconds, cpu.percent(settings.threads()));
    } finally {
      sc.setJobDescription(null);
      master.deleteTempFiles(sc);
    }
  }

  /**
   * A real sweep in the seed experiments' configuration, end to end as {@code sweep4j run} runs it
   * on this bench's Spark session: images trained over the sweep's whole wall time (data loading,
   * shards, scheduling, scoring, diagnostics and recording included).
   */
  private Measurement sweep(Architecture architecture, Path work) {
    BenchSettings.SweepSize size = settings.sweep();
    BenchSweeps sweeps = new BenchSweeps(settings, work, spark.get());
    var job = sweeps.seedJobLike(architecture, size.trials(), size.epochs(), size.images());
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
    BenchSweeps.Timed timed =
        sweeps.run(
            job,
            org.sweep4j.training.SweepRunner.AUTO_TRIALS_AT_ONCE,
            OutputStream.nullOutputStream());
    out.printf(
        Locale.ROOT,
        "sweep %s: %.1f s, slots %.0f%% busy%n",
        architecture.label(),
        timed.seconds(),
        timed.run().slotUtilisation() == null ? Double.NaN : 100 * timed.run().slotUtilisation());
    return new Measurement(
        architecture.label(),
        "sweep",
        timed.run().imagesTrained() / timed.seconds(),
        100 * timed.cpuSeconds() / (timed.seconds() * settings.threads()));
  }

  /**
   * What the driver spends beyond training, as the marginal cost of one more unit in sweeps of
   * minibatches of 8 synthetic images (nothing to load): per epoch of a one-worker trial (one Spark
   * task), per trial (claim, trainer, one epoch, record), per parameter-averaging round of two
   * workers (a Spark job that ships parameters and Adam's state both ways). Wall time, and this
   * JVM's CPU time (in local mode the executors' too, so an upper bound of the driver's).
   */
  private void driverCosts(Architecture architecture, Path work) {
    BenchSweeps sweeps = new BenchSweeps(settings, work, spark.get());
    // Untimed: executors load their native libraries and compile the hot code with the first tasks.
    sweeps.run(
        driverJob(sweeps, architecture, new int[] {2, 5, 1}), 1, OutputStream.nullOutputStream());
    sweeps.run(
        driverJob(sweeps, architecture, new int[] {1, 1, 5}), 1, OutputStream.nullOutputStream());
    printCost(
        architecture,
        "trial-epoch",
        sweeps,
        new int[] {1, 5, 1},
        new int[] {1, 45, 1},
        40,
        "one worker: one Spark task per epoch");
    printCost(
        architecture,
        "trial",
        sweeps,
        new int[] {2, 1, 1},
        new int[] {10, 1, 1},
        8,
        "of one epoch: claim, trainer, epoch, record");
    printCost(
        architecture,
        "averaging-round",
        sweeps,
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
      Architecture architecture,
      String unit,
      BenchSweeps sweeps,
      int[] few,
      int[] many,
      int moreUnits,
      String what) {
    BenchSweeps.Timed small =
        sweeps.run(driverJob(sweeps, architecture, few), 1, OutputStream.nullOutputStream());
    BenchSweeps.Timed large =
        sweeps.run(driverJob(sweeps, architecture, many), 1, OutputStream.nullOutputStream());
    out.printf(
        Locale.ROOT,
        "driver %s %s %.0f ms wall, %.0f ms cpu (%s)%n",
        architecture.label(),
        unit,
        1000 * (large.seconds() - small.seconds()) / moreUnits,
        1000 * (large.cpuSeconds() - small.cpuSeconds()) / moreUnits,
        what);
  }

  private static org.sweep4j.config.JobSpec driverJob(
      BenchSweeps sweeps, Architecture architecture, int[] shape) {
    int batch = 8;
    boolean averaging = shape[2] > 1;
    int workers = averaging ? 2 : 1;
    int images = averaging ? workers * batch * shape[2] : batch;
    return sweeps.job(architecture, shape[0], shape[1], images, 8, 8, 0, workers, 1, batch, null);
  }

  /**
   * Ratios against PyTorch and Spark's cost against the single JVM, and how busy the cores were.
   */
  private void summarise(Architecture architecture, List<Measurement> measured) {
    Optional<Measurement> torch = find(measured, "torch");
    Optional<Measurement> single = find(measured, "single");
    for (Measurement m : measured) {
      if (!m.mode().equals("torch") && torch.isPresent()) {
        out.printf(
            Locale.ROOT,
            "ratio %s %s %.2f%n",
            architecture.label(),
            m.mode(),
            m.imagesPerSecond() / torch.get().imagesPerSecond());
      }
    }
    find(measured, "sweep")
        .ifPresent(
            sweep ->
                single.ifPresent(
                    s ->
                        out.printf(
                            Locale.ROOT,
                            "ratio %s sweep-vs-single %.2f%n",
                            architecture.label(),
                            sweep.imagesPerSecond() / s.imagesPerSecond())));
    find(measured, "spark")
        .ifPresent(
            spark ->
                single.ifPresent(
                    s ->
                        out.printf(
                            Locale.ROOT,
                            "overhead %s spark %.1f%% (local[%d], averaging every %d minibatches, vs single JVM on the same %d cores)%n",
                            architecture.label(),
                            100 * (1 - spark.imagesPerSecond() / s.imagesPerSecond()),
                            settings.workers(),
                            settings.averagingFrequency(),
                            settings.threads())));
    for (Measurement m : measured) {
      if (!Double.isNaN(m.cpuPercent())) {
        out.printf(
            Locale.ROOT, "cpu %s %s %.0f%%%n", architecture.label(), m.mode(), m.cpuPercent());
      }
    }
  }

  private static Optional<Measurement> find(List<Measurement> measured, String mode) {
    return measured.stream().filter(m -> m.mode().equals(mode)).findFirst();
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("sweep4j-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "bench: cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }
}
