package org.sweep4j.report;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.sweep4j.config.InputException;
import org.sweep4j.config.JobSpec;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;

/**
 * Assembles a results directory's report: reads the tables, checks the baseline, compares every
 * cell against it, draws the activations, and writes the report files.
 */
public final class Reports {
  private Reports() {}

  /**
   * @param out where to write; null for {@code RESULTS/report} (local results only)
   * @param baseline an activation label present in the results, or null for the one an
   *     adaptive-seeds run recorded, else the default (relu)
   * @param minDifference the smallest accuracy difference that matters to the verdicts, or null for
   *     the one an adaptive-seeds run recorded, else the default (0.01)
   * @return the report's {@code index.html}
   */
  public static Path write(
      String results,
      Path out,
      String baseline,
      Double minDifference,
      ActivationGallery.Sampler sampler) {
    ResultsStore store = ResultsStore.open(results);
    if (!store.hasTable(ResultsStore.TRIALS)) {
      throw new InputException(
          store.location() + ": no trials table here (run 'sweep4j run' first)");
    }
    List<TrialRow> trials = store.readTrials();
    List<RunRow> runs = store.hasTable(ResultsStore.RUNS) ? store.readRuns() : List.of();
    RunRow.SeedDesign design = latest(runs, RunRow::seedDesign);
    if (baseline == null && design != null) {
      baseline = design.baseline();
    }
    if (minDifference == null) {
      minDifference = design == null ? JobSpec.DEFAULT_MIN_DIFFERENCE : design.minDifference();
    }
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
    List<LayerStatRow> layerStats =
        store.hasTable(ResultsStore.LAYER_STATS) ? store.readLayerStats() : List.of();
    Comparison comparison =
        Comparison.of(
            trials,
            store.readEpochs(),
            layerStats,
            baseline == null ? JobSpec.DEFAULT_BASELINE : baseline,
            minDifference);
    if (design != null) {
      comparison = comparison.withAdaptiveSeeds(AdaptiveSeedsReport.of(design, trials));
    }
    RunRow.PruningDesign pruning = latest(runs, RunRow::pruningDesign);
    if (pruning != null) {
      comparison = comparison.withPruning(PruningReport.of(pruning, trials, store.readEpochs()));
    }
    Path dir = out != null ? out : localReportDir(store.location());
    if (dir == null) {
      throw new InputException(
          "results at "
              + store.location()
              + " are not on the local file system:"
              + " pass --out DIR for the report");
    }
    return ReportWriter.write(
        comparison, ActivationGallery.of(trials, sampler), "sweep4j report: " + results, dir);
  }

  /** What the latest run that recorded one says of {@code design}, or null. */
  private static <T> T latest(List<RunRow> runs, java.util.function.Function<RunRow, T> design) {
    return runs.stream()
        .filter(r -> design.apply(r) != null)
        .max(java.util.Comparator.comparing(RunRow::finishedAt))
        .map(design)
        .orElse(null);
  }

  /** {@code RESULTS/report} when the results are on the local file system, else null. */
  public static Path localReportDir(String location) {
    // As Hadoop reads it: a location is a path, not an encoded URI, and may hold spaces.
    URI uri = new org.apache.hadoop.fs.Path(location).toUri();
    return uri.getScheme() == null || uri.getScheme().equals("file")
        ? Path.of(uri.getPath(), "report")
        : null;
  }
}
