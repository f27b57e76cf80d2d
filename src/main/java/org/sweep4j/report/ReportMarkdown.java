package org.sweep4j.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sweep4j.results.TrialRow;

/** The report as Markdown, linking the figures under {@code figures/}. */
final class ReportMarkdown {
  private final Comparison comparison;
  private final Map<String, List<ReportWriter.Figure>> figures;
  private final StringBuilder md = new StringBuilder();

  private ReportMarkdown(Comparison comparison, Map<String, List<ReportWriter.Figure>> figures) {
    this.comparison = comparison;
    this.figures = figures;
  }

  static String render(
      Comparison comparison, Map<String, List<ReportWriter.Figure>> figures, String title) {
    ReportMarkdown report = new ReportMarkdown(comparison, figures);
    report.md.append("# ").append(title).append("\n\n");
    report.intro();
    report.anova();
    report.adaptiveSeeds();
    report.pruning();
    for (String architecture : comparison.architectures()) {
      report.md.append("## ").append(architecture).append("\n\n");
      report.cells(architecture);
      report.comparisons(architecture);
      report.parallelism(architecture);
      report.md.append('\n');
      report.figures(figures.getOrDefault(architecture, List.of()), "\n\n");
    }
    report.gallery();
    report.unfinished();
    return report.md.toString();
  }

  private void intro() {
    md.append(comparison.trials())
        .append(
            " trials. Accuracies are mean ± sd across seeds [95% Student-t interval of the mean];")
        .append(" ★ marks the best mean final val accuracy per architecture. Each activation is")
        .append(" compared with ")
        .append(comparison.baseline())
        .append(" on final val accuracy (Welch's t-test, Holm-corrected over all ")
        .append(comparison.comparisons().size())
        .append(" comparisons, α = ")
        .append(BaselineComparison.ALPHA)
        .append(").")
        .append(ReportWriter.verdictNote(comparison))
        .append("\n\n");
  }

  private void anova() {
    AnovaTable anova = comparison.anova();
    md.append("## Which settings matter: analysis of variance\n\n")
        .append(ReportWriter.anovaNote(anova))
        .append("\n\n");
    if (anova.testable()) {
      header(ReportWriter.ANOVA_HEADERS.toArray(String[]::new));
      md.append("|---|---:|---:|---:|---:|---:|\n");
      for (AnovaTerm term : anova.terms()) {
        row(ReportWriter.anovaCells(term).stream().map(ReportMarkdown::cell).toArray());
      }
      md.append('\n');
    }
  }

  private void adaptiveSeeds() {
    AdaptiveSeedsReport seeds = comparison.adaptiveSeeds();
    if (seeds == null) {
      return;
    }
    md.append("## Seeds on demand: how many each cell got, and why it stopped\n\n")
        .append(seeds.note())
        .append("\n\n");
    header(AdaptiveSeedsReport.HEADERS.toArray(String[]::new));
    md.append("|---|---|---:|---|---:|---:|---:|---:|\n");
    for (AdaptiveSeedsReport.Row row : seeds.rows()) {
      row(AdaptiveSeedsReport.cells(row).stream().map(ReportMarkdown::cell).toArray());
    }
    md.append('\n');
  }

  private void pruning() {
    PruningReport pruning = comparison.pruning();
    if (pruning == null) {
      return;
    }
    md.append("## Pruning: what it saved and what it risked\n\n")
        .append(pruning.note())
        .append("\n\n");
    if (!pruning.pruned().isEmpty()) {
      header(PruningReport.HEADERS.toArray(String[]::new));
      md.append("|---|---|---:|---:|---:|---:|---|---:|---:|\n");
      for (PruningReport.Pruned row : pruning.pruned()) {
        row(PruningReport.cells(row).stream().map(ReportMarkdown::cell).toArray());
      }
      md.append('\n');
    }
  }

  private void cells(String architecture) {
    header(
        "activation",
        "seeds",
        "final val acc (" + comparison.finalWeights() + ")",
        "best val acc",
        "epoch of best",
        "train − val gap",
        "s/epoch");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (CellSummary cell : comparison.cellsOf(architecture)) {
      row(
          cell(cell.activation()) + (comparison.isBest(cell) ? " ★" : ""),
          cell.seeds(),
          ReportWriter.estimate(cell.finalVal()),
          ReportWriter.estimate(cell.bestVal()),
          ReportWriter.number(cell.bestEpochMean(), 1),
          ReportWriter.number(cell.gap().mean(), 3),
          ReportWriter.number(cell.epochSecondsMean(), 1));
    }
  }

  private void comparisons(String architecture) {
    List<BaselineComparison> rows = comparison.comparisonsOf(architecture);
    if (rows.isEmpty()) {
      md.append("\nNo comparison: no finished ")
          .append(comparison.baseline())
          .append(" trials here.\n");
      return;
    }
    md.append('\n');
    header(
        "activation",
        "seeds vs " + cell(comparison.baseline()),
        "difference [95% CI]",
        "p",
        "p (Holm)",
        "equivalent: p (Holm)",
        "detectable",
        "verdict");
    md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (BaselineComparison row : rows) {
      row(
          cell(row.activation()),
          row.seeds() + " vs " + row.baselineSeeds(),
          ReportWriter.difference(row),
          ReportWriter.pValue(row.p()),
          ReportWriter.pValue(row.pHolm()),
          ReportWriter.pValue(row.pEquivalentHolm()),
          ReportWriter.number(row.detectable(), 3),
          cell(ReportWriter.verdict(comparison, row))
              + (row.warning() == null ? "" : " ⚠ " + row.warning()));
    }
  }

  private void parallelism(String architecture) {
    List<ParallelismCost> costs = comparison.parallelismOf(architecture);
    if (costs.isEmpty()) {
      return;
    }
    md.append("\n### Parallelism: what parameter averaging buys and costs\n\n")
        .append("Each parallel setting against one worker trained the same way; wall time per")
        .append(" trial covers training and scoring; 95% Welch intervals across seeds.\n\n");
    header(ReportWriter.PARALLELISM_HEADERS.toArray(String[]::new));
    md.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (ParallelismCost row : costs) {
      row(cell(row.cell()), row.setting(), String.join(" | ", ReportWriter.parallelismCells(row)));
    }
  }

  private void figures(List<ReportWriter.Figure> shown, String separator) {
    for (ReportWriter.Figure figure : shown) {
      md.append("![")
          .append(figure.caption())
          .append("](figures/")
          .append(figure.file())
          .append(")")
          .append(separator);
    }
  }

  private void gallery() {
    List<ReportWriter.Figure> gallery = figures.getOrDefault("", List.of());
    if (!gallery.isEmpty()) {
      md.append("## Activation gallery\n\nf(x) solid, f′(x) dashed.\n\n");
      figures(gallery, " ");
      md.append("\n\n");
    }
  }

  private void unfinished() {
    if (comparison.unfinished().isEmpty()) {
      return;
    }
    md.append("## Trials that did not finish\n\n");
    header("trial", "status", "epochs", "reason");
    md.append("|---|---|---:|---|\n");
    for (TrialRow trial : comparison.unfinished()) {
      row(
          trial.trialId(),
          trial.outcome().status().label(),
          trial.outcome().epochsCompleted(),
          cell(ReportWriter.reason(trial)));
    }
    md.append('\n');
  }

  private void header(String... names) {
    row((Object[]) names);
  }

  private void row(Object... cells) {
    md.append("| ")
        .append(Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ")))
        .append(" |\n");
  }

  /** A table cell: pipes escaped, line breaks flattened. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
