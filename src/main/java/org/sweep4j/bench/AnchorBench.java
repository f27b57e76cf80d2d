package org.sweep4j.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sweep4j.config.Architecture;

/**
 * The bench's {@code torch} mode: every PyTorch anchor installed here, run as the single JVM runs
 * and, with the trials mode, as trials run, each measurement kept only if the anchor trained the
 * same work as sweep4j ({@link BenchWork}).
 */
final class AnchorBench {
  private final BenchSettings settings;
  private final PrintStream out;
  private final List<Anchor> anchors;
  private final Set<String> printedBuilds = new HashSet<>();

  AnchorBench(BenchSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
    this.anchors = installed(out);
  }

  /** Every installed anchor on {@code architecture}, trained on {@code records}. */
  List<Measurement> measure(Architecture architecture, Path records) {
    List<Measurement> measured = new ArrayList<>();
    for (Anchor anchor : anchors) {
      measured.addAll(measure(anchor, architecture, records));
    }
    return measured;
  }

  /** PyTorch 2.7.1 through DJL, then the Python one (Debian's 1.13), each where it is installed. */
  private static List<Anchor> installed(PrintStream out) {
    List<Anchor> anchors = new ArrayList<>();
    DjlTorchAnchor.find(out).ifPresent(anchors::add);
    PythonTorchAnchor.find(out).ifPresent(anchors::add);
    return anchors;
  }

  /**
   * The anchor as the single JVM runs (one process on every thread) and, with the trials mode, as
   * trials run (one process per thread); each run only if it trained the same work as sweep4j.
   */
  private List<Measurement> measure(Anchor anchor, Architecture architecture, Path records) {
    List<Measurement> measured = new ArrayList<>();
    anchor
        .single(settings, architecture, records)
        .filter(run -> sameWork(anchor, run, architecture, settings.threads()))
        .ifPresent(run -> measured.add(measurement(architecture, anchor.name(), run)));
    if (settings.runs("trials")) {
      anchor
          .trials(settings, architecture, records)
          .filter(run -> sameWork(anchor, run, architecture, 1))
          .ifPresent(
              run -> measured.add(measurement(architecture, anchor.name() + "-trials", run)));
    }
    return measured;
  }

  private boolean sameWork(Anchor anchor, AnchorRun run, Architecture architecture, int threads) {
    String differences =
        BenchWork.differences(BenchWork.of(settings, architecture, threads), run.work());
    if (!differences.isEmpty()) {
      out.println(
          anchor.name() + ": trained other work than sweep4j (" + differences + "); ratio skipped");
      return false;
    }
    if (printedBuilds.add(anchor.name())) {
      out.println("anchor " + anchor.name() + ": " + run.build());
    }
    return true;
  }

  private static Measurement measurement(Architecture architecture, String mode, AnchorRun run) {
    return new Measurement(architecture.label(), mode, run.imagesPerSecond(), run.cpuPercent());
  }
}
