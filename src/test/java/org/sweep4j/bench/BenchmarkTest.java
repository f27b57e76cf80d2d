package org.sweep4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.training.SparkTestBase;

/**
 * The bench on a tiny network and a few minibatches: every mode measures and the summary lines
 * (ratios, overhead, CPU, GFLOP/s against the peak) follow.
 */
class BenchmarkTest extends SparkTestBase {
  private static final Pattern BENCH_LINE =
      Pattern.compile("bench tiny_cnn (single|spark|trials) \\d+\\.\\d img/s");

  @Test
  void measuresSingleSparkAndSideBySideTrialsAndReportsOverheadAndCpu() {
    BenchSettings settings =
        new BenchSettings(
            List.of(Architecture.parse("tiny_cnn")),
            ActivationSpec.parse("relu"),
            20,
            2,
            4,
            2,
            2,
            2,
            null,
            List.of("single", "spark", "trials", "peak"),
            null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Measurement> measured =
        new Benchmark(settings, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> spark)
            .run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(
        List.of("single", "spark", "trials"), measured.stream().map(Measurement::mode).toList());
    assertEquals(3, out.lines().filter(l -> BENCH_LINE.matcher(l).matches()).count(), out);
    assertTrue(out.contains("overhead tiny_cnn spark "), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("cpu tiny_cnn single \\d+%")), out);
    assertTrue(
        out.lines().anyMatch(l -> l.matches("peak \\d+\\.\\d GFLOP/s \\(oneDNN fp32 matmul .*")),
        out);
    assertTrue(
        out.lines()
            .anyMatch(
                l ->
                    l.matches(
                        "gflops tiny_cnn trials \\d+\\.\\d GFLOP/s, \\d+% of peak \\(\\d+\\.\\d MFLOP"
                            + " per image\\)")),
        out);
  }

  /**
   * {@code --activation all}: a line per activation, each a ratio to ReLU's mean, and a verdict.
   */
  @Test
  void timesEveryActivationAgainstRelu() {
    BenchSettings settings =
        new BenchSettings(
            List.of(Architecture.parse("tiny_cnn")),
            ActivationSpec.parse("relu"),
            20,
            1,
            2,
            1,
            1,
            1,
            null,
            List.of("single"),
            null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Measurement> measured =
        new ActivationBench(settings, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(ActivationName.values().length, measured.size(), out);
    for (ActivationName name : ActivationName.values()) {
      assertTrue(
          out.lines()
              .anyMatch(
                  l ->
                      l.matches(
                          "activation tiny_cnn "
                              + name.label()
                              + " \\d+\\.\\d img/s \\d+\\.\\d\\d vs relu")),
          name + " in:\n" + out);
    }
    assertTrue(out.contains("activation tiny_cnn relu "), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("relu tiny_cnn before/after the others: .*")));
    assertTrue(out.lines().anyMatch(l -> l.startsWith("activations tiny_cnn: ")), out);
    assertTrue(out.contains(" 1.00 vs relu"), "relu against its own mean: " + out);
  }

  @Test
  void timesARealSweepAgainstTheSingleJvmAndTheDriversCosts() {
    BenchSettings settings =
        new BenchSettings(
            List.of(Architecture.parse("tiny_cnn")),
            ActivationSpec.parse("relu"),
            16,
            1,
            2,
            2,
            2,
            1,
            null,
            List.of("sweep", "driver"),
            new BenchSettings.SweepSize(2, 2, 64));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Measurement> measured =
        new Benchmark(settings, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> spark)
            .run();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(
        List.of("single", "sweep"),
        measured.stream().map(Measurement::mode).toList(),
        "the sweep is measured against the single JVM in the same run");
    assertTrue(
        out.contains(
            "sweep tiny_cnn: 2 trials x 2 epochs x 64 images, workers 1, averaging every 1,"
                + " scoring 12 test + 12 training images per epoch"),
        out);
    assertTrue(
        out.lines().anyMatch(l -> l.matches("ratio tiny_cnn sweep-vs-single \\d+\\.\\d\\d")), out);
    for (String unit : List.of("trial-epoch", "trial", "averaging-round")) {
      assertTrue(
          out.lines()
              .anyMatch(
                  l ->
                      l.matches(
                          "driver tiny_cnn " + unit + " -?\\d+ ms wall, -?\\d+ ms cpu \\(.*")),
          unit + ":\n" + out);
    }
  }

  /**
   * Runs only where PyTorch is installed: every activation the grid knows exists in the anchor too.
   */
  @Test
  void torchAnchorTrainsEveryActivationWherePyTorchIsInstalled() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    var anchor = PythonTorchAnchor.find(out);
    assumeTrue(anchor.isPresent(), "PyTorch is not installed here");
    for (ActivationName name : ActivationName.values()) {
      BenchSettings settings =
          new BenchSettings(
              List.of(Architecture.parse("small_cnn")),
              ActivationSpec.of(name),
              10,
              1,
              2,
              1,
              1,
              1,
              null,
              List.of("torch"),
              null);
      List<Measurement> measured =
          new Benchmark(
                  settings,
                  out,
                  () -> {
                    throw new AssertionError("torch mode must not start Spark");
                  })
              .run();
      assertTrue(
          measured.stream().anyMatch(m -> m.mode().equals(anchor.get().name())),
          name + ": " + bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
