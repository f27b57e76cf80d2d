package org.sweep4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.config.Architecture;
import org.sweep4j.data.DataLoader;
import org.sweep4j.data.ImageSet;
import org.sweep4j.dl4jm2.MatmulPeak;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.model.TrainingFlops;

/**
 * Times training of each architecture: single JVM ({@code MultiLayerNetwork.fit} on decoded
 * minibatches), Spark parameter averaging on {@code local[workers]} (the sweep's own training
 * master, reading shard files as a sweep does), and the PyTorch anchor on the same records. Every
 * mode warms up first and then trains new minibatches, so no timing includes JIT compilation or
 * first-touch allocation.
 */
public final class Benchmark {
  /** The side of the peak's matrices: 16 MiB each, past every cache. */
  private static final int PEAK_SIZE = 2048;

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
      Optional<AnchorBench> anchors =
          settings.runs("torch") ? Optional.of(new AnchorBench(settings, out)) : Optional.empty();
      InJvmBench inJvm = new InJvmBench(settings);
      OptionalDouble peak = settings.runs("peak") ? measurePeak() : OptionalDouble.empty();
      for (Architecture architecture : settings.architectures()) {
        List<Measurement> measured = measure(architecture, inJvm, images, work);
        anchors.ifPresent(a -> measured.addAll(a.measure(architecture, records)));
        measured.forEach(m -> out.println(m.line()));
        summarise(architecture, measured);
        achieved(architecture, measured, peak);
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

  /** Every sweep4j mode asked for, on one architecture. */
  private List<Measurement> measure(
      Architecture architecture, InJvmBench inJvm, ImageSet images, Path work) {
    List<Measurement> measured = new ArrayList<>();
    if (settings.runsSingle()) {
      measured.add(inJvm.single(architecture, images));
    }
    if (settings.runs("spark")) {
      measured.add(
          new AveragingBench(settings, spark)
              .measure(architecture, images, work.resolve(architecture.label())));
    }
    if (settings.runs("trials")) {
      measured.add(inJvm.trialsSideBySide(architecture, images));
    }
    if (settings.runs("sweep")) {
      measured.add(sweeps(work).sweep(architecture));
    }
    if (settings.runs("driver")) {
      sweeps(work).driverCosts(architecture);
    }
    return measured;
  }

  private BenchSweeps sweeps(Path work) {
    return new BenchSweeps(settings, work, spark.get(), out);
  }

  /**
   * Ratios against PyTorch and Spark's cost against the single JVM, and how busy the cores were.
   */
  private void summarise(Architecture architecture, List<Measurement> measured) {
    String name = architecture.label();
    Optional<Measurement> single = find(measured, "single");
    Optional<Measurement> sweep = find(measured, "sweep");
    Optional<Measurement> spark = find(measured, "spark");
    List<String> anchors =
        measured.stream()
            .map(Measurement::mode)
            .filter(mode -> isAnchor(mode) && !mode.endsWith("-trials"))
            .toList();
    for (Measurement m : measured) {
      if (isAnchor(m.mode())) {
        continue;
      }
      for (String anchor : anchors) {
        // trials against the anchor's trials, every other mode against the anchor on all threads
        String reference = m.mode().equals("trials") ? anchor + "-trials" : anchor;
        find(measured, reference)
            .ifPresent(
                r ->
                    out.printf(
                        Locale.ROOT,
                        "ratio %s %s %.2f vs %s%n",
                        name,
                        m.mode(),
                        m.imagesPerSecond() / r.imagesPerSecond(),
                        anchor));
      }
    }
    if (sweep.isPresent() && single.isPresent()) {
      double ratio = sweep.get().imagesPerSecond() / single.get().imagesPerSecond();
      out.printf(Locale.ROOT, "ratio %s sweep-vs-single %.2f%n", name, ratio);
    }
    if (spark.isPresent() && single.isPresent()) {
      out.printf(
          Locale.ROOT,
          "overhead %s spark %.1f%% (local[%d], averaging every %d minibatches, vs single JVM on"
              + " the same %d cores)%n",
          name,
          100 * (1 - spark.get().imagesPerSecond() / single.get().imagesPerSecond()),
          settings.workers(),
          settings.averagingFrequency(),
          settings.threads());
    }
    for (Measurement m : measured) {
      if (!Double.isNaN(m.cpuPercent())) {
        out.printf(Locale.ROOT, "cpu %s %s %.0f%%%n", name, m.mode(), m.cpuPercent());
      }
    }
  }

  /** One large matrix product on the single mode's threads: what the machine can do at best. */
  private OptionalDouble measurePeak() {
    double gflops = MatmulPeak.gflops(PEAK_SIZE, settings.threads());
    out.printf(
        Locale.ROOT,
        "peak %.1f GFLOP/s (oneDNN fp32 matmul %d^3, %d threads)%n",
        gflops,
        PEAK_SIZE,
        settings.threads());
    return OptionalDouble.of(gflops);
  }

  /**
   * Each mode's training GFLOP/s (the layers' products per image times images/s), and its share of
   * the peak when one was measured.
   */
  private void achieved(
      Architecture architecture, List<Measurement> measured, OptionalDouble peak) {
    double flopsPerImage =
        TrainingFlops.perImage(ModelFactory.build(settings.trial(architecture, 1)));
    for (Measurement m : measured) {
      double gflops = flopsPerImage * m.imagesPerSecond() / 1e9;
      out.printf(
          Locale.ROOT,
          "gflops %s %s %.1f GFLOP/s%s (%.1f MFLOP per image)%n",
          architecture.label(),
          m.mode(),
          gflops,
          peak.isPresent()
              ? String.format(Locale.ROOT, ", %.0f%% of peak", 100 * gflops / peak.getAsDouble())
              : "",
          flopsPerImage / 1e6);
    }
  }

  private static boolean isAnchor(String mode) {
    return mode.startsWith("torch-");
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
