package org.sweep4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.InputException;
import org.sweep4j.model.ActivationSampler;
import org.sweep4j.report.ActivationCurve;
import org.sweep4j.report.Comparison;
import org.sweep4j.report.ReportWriter;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep4j report RESULTS}: the comparison report. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write a comparison report (index.html, report.md, summary.csv, comparisons.csv, figures/) for a"
            + " results directory.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RESULTS", description = "The results directory.")
  String results;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the report (default: RESULTS/report).")
  Path out;

  @Option(
      names = "--baseline",
      paramLabel = "ACTIVATION",
      description = "The activation every other one is" + " tested against (default: relu).")
  String baseline;

  @Override
  public Integer call() {
    Path html = writeReport(results, out, baseline);
    System.out.println("report: " + html.toAbsolutePath());
    return 0;
  }

  /**
   * @param baseline an activation label present in the results, or null for the default (relu)
   */
  static Path writeReport(String results, Path out, String baseline) {
    ResultsStore store = ResultsStore.open(results);
    if (!store.hasTable(ResultsStore.TRIALS)) {
      throw new InputException(
          store.location() + ": no trials table here (run 'sweep4j run' first)");
    }
    List<TrialRow> trials = store.readTrials();
    List<String> present =
        trials.stream().map(t -> t.settings().activation()).distinct().sorted().toList();
    if (baseline != null && !present.contains(baseline)) {
      throw new InputException(
          "--baseline "
              + baseline
              + ": no such activation in "
              + store.location()
              + " (present: "
              + String.join(", ", present)
              + ")");
    }
    List<org.sweep4j.results.LayerStatRow> layerStats =
        store.hasTable(ResultsStore.LAYER_STATS) ? store.readLayerStats() : List.of();
    Comparison comparison =
        Comparison.of(
            trials,
            store.readEpochs(),
            layerStats,
            baseline == null ? Comparison.DEFAULT_BASELINE : baseline);
    Path dir = out != null ? out : localReportDir(store.location());
    if (dir == null) {
      throw new InputException(
          "results at "
              + store.location()
              + " are not on the local file system:"
              + " pass --out DIR for the report");
    }
    return ReportWriter.write(comparison, gallery(trials), "sweep4j report: " + results, dir);
  }

  /** {@code RESULTS/report} when the results are on the local file system, else null. */
  static Path localReportDir(String location) {
    java.net.URI uri = java.net.URI.create(location);
    return uri.getScheme() == null || uri.getScheme().equals("file")
        ? Path.of(uri.getPath(), "report")
        : null;
  }

  /** Every activation the trials used, sampled on [−4, 4] with the networks' own code. */
  static List<ActivationCurve> gallery(List<TrialRow> trials) {
    Map<String, String> configs = new LinkedHashMap<>();
    trials.stream()
        .sorted(java.util.Comparator.comparing(t -> t.settings().activation()))
        .forEach(
            t -> configs.putIfAbsent(t.settings().activation(), t.settings().activationConfig()));
    double[] x = ActivationSampler.grid(-4, 4, 161);
    List<ActivationCurve> curves = new ArrayList<>();
    configs.forEach(
        (label, config) -> {
          ActivationSpec spec = ActivationSpec.parse(config);
          double[][] sampled = ActivationSampler.sample(spec, x);
          String note =
              switch (spec.name()) {
                case PRELU -> "learned slope; " + ActivationSampler.PRELU_SHOWN_SLOPE + " shown";
                case ZERO_FIT_LINEAR -> "x − min(x) over a group: here all x shown";
                default -> null;
              };
          curves.add(new ActivationCurve(label, note, x, sampled[0], sampled[1]));
        });
    return curves;
  }
}
