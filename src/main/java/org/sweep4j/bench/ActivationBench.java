package org.sweep4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.data.DataLoader;
import org.sweep4j.data.ImageSet;

/**
 * {@code bench --activation all}: single-JVM training throughput of every activation on each
 * architecture, in one run, as a ratio to ReLU's. A sweep trains all fourteen, so one slow
 * activation sets the pace of its trials; ReLU is measured first and every ratio is against it.
 */
public final class ActivationBench {
  /** The ratio to ReLU below which an activation is flagged: the project's target. */
  static final double TARGET = 0.85;

  private final BenchSettings settings;
  private final PrintStream out;

  public ActivationBench(BenchSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /**
   * One {@code activation ARCH NAME N img/s R vs relu} line per activation and architecture. ReLU
   * is timed before and after the others and the ratios are against the mean of the two, so a
   * machine that speeds up or slows down during the run shows in the {@code relu ... before/after}
   * line instead of in the ratios; a first, unreported ReLU run warms the JVM up.
   */
  public List<Measurement> run() {
    ImageSet images =
        DataLoader.load(settings.trial(settings.architectures().get(0), 1).dataset()).train();
    BenchSettings relu = settings.withActivation(ActivationSpec.of(ActivationName.RELU));
    new InJvmBench(relu).single(settings.architectures().get(0), images);
    List<Measurement> all = new ArrayList<>();
    for (Architecture architecture : settings.architectures()) {
      Measurement before = new InJvmBench(relu).single(architecture, images);
      List<Measurement> others = new ArrayList<>();
      for (ActivationName name : ActivationName.values()) {
        if (name != ActivationName.RELU) {
          others.add(
              renamed(
                  new InJvmBench(settings.withActivation(ActivationSpec.of(name)))
                      .single(architecture, images),
                  name));
        }
      }
      Measurement after = new InJvmBench(relu).single(architecture, images);
      double reluRate = (before.imagesPerSecond() + after.imagesPerSecond()) / 2;
      out.printf(
          Locale.ROOT,
          "relu %s before/after the others: %.1f / %.1f img/s%n",
          architecture.label(),
          before.imagesPerSecond(),
          after.imagesPerSecond());
      Measurement reluMean =
          new Measurement(
              architecture.label(),
              ActivationName.RELU.label(),
              reluRate,
              (before.cpuPercent() + after.cpuPercent()) / 2);
      List<String> slow = new ArrayList<>();
      for (Measurement m : prepend(reluMean, others)) {
        double ratio = m.imagesPerSecond() / reluRate;
        out.printf(
            Locale.ROOT,
            "activation %s %s %.1f img/s %.2f vs relu%n",
            architecture.label(),
            m.mode(),
            m.imagesPerSecond(),
            ratio);
        if (ratio < TARGET) {
          slow.add(m.mode());
        }
        all.add(m);
      }
      out.printf(
          Locale.ROOT,
          "activations %s: %s%n",
          architecture.label(),
          slow.isEmpty()
              ? "every one at least " + TARGET + "x relu"
              : "below " + TARGET + "x relu: " + String.join(", ", slow));
    }
    return all;
  }

  /** A measurement whose mode is the activation's name. */
  private static Measurement renamed(Measurement m, ActivationName name) {
    return new Measurement(m.architecture(), name.label(), m.imagesPerSecond(), m.cpuPercent());
  }

  private static List<Measurement> prepend(Measurement first, List<Measurement> rest) {
    List<Measurement> all = new ArrayList<>(rest);
    all.add(0, first);
    return all;
  }
}
