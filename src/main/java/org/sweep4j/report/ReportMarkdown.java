package org.sweep4j.report;

import java.util.List;
import java.util.Map;
import org.sweep4j.results.TrialRow;

/** The report as Markdown, linking the figures under {@code figures/}. */
final class ReportMarkdown {
  private ReportMarkdown() {}

  static String render(
      Comparison comparison, Map<String, List<ReportWriter.Figure>> figures, String title) {
    StringBuilder md = new StringBuilder("# " + title + "\n\n");
    md.append(comparison.trials())
        .append(
            " trials. Accuracies are mean ± sd across seeds [95% Student-t interval"
                + " of the mean]; ★ marks the best mean final val accuracy per architecture. Each activation is compared"
                + " with ")
        .append(comparison.baseline())
        .append(" on final val accuracy (Welch's t-test, Holm-corrected" + " over all ")
        .append(comparison.comparisons().size())
        .append(" comparisons, α = ")
        .append(BaselineComparison.ALPHA)
        .append(").\n\n");
    for (String architecture : comparison.architectures()) {
      md.append("## ").append(architecture).append("\n\n");
      md.append(
          "| activation | seeds | final val acc | best val acc | epoch of best | train − val gap | s/epoch |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (CellSummary cell : comparison.cellsOf(architecture)) {
        md.append("| ")
            .append(cell(cell.activation()))
            .append(comparison.isBest(cell) ? " ★" : "")
            .append(" | ")
            .append(cell.seeds())
            .append(" | ")
            .append(ReportWriter.estimate(cell.finalVal()))
            .append(" | ")
            .append(ReportWriter.estimate(cell.bestVal()))
            .append(" | ")
            .append(ReportWriter.number(cell.bestEpochMean(), 1))
            .append(" | ")
            .append(ReportWriter.number(cell.gap().mean(), 3))
            .append(" | ")
            .append(ReportWriter.number(cell.epochSecondsMean(), 1))
            .append(" |\n");
      }
      List<BaselineComparison> rows = comparison.comparisonsOf(architecture);
      if (rows.isEmpty()) {
        md.append("\nNo comparison: no finished ")
            .append(comparison.baseline())
            .append(" trials here.\n");
      } else {
        md.append("\n| activation | seeds vs ")
            .append(cell(comparison.baseline()))
            .append(
                " | difference [95% CI] | p | p (Holm) | verdict |\n|---|---:|---:|---:|---:|---|\n");
        for (BaselineComparison row : rows) {
          md.append("| ")
              .append(cell(row.activation()))
              .append(" | ")
              .append(row.seeds())
              .append(" vs ")
              .append(row.baselineSeeds())
              .append(" | ")
              .append(ReportWriter.difference(row))
              .append(" | ")
              .append(ReportWriter.pValue(row.p()))
              .append(" | ")
              .append(ReportWriter.pValue(row.pHolm()))
              .append(" | ")
              .append(cell(row.verdict()))
              .append(row.warning() == null ? "" : " ⚠ " + row.warning())
              .append(" |\n");
        }
      }
      List<ParallelismCost> costs = comparison.parallelismOf(architecture);
      if (!costs.isEmpty()) {
        md.append(
                "\n### Parallelism: what parameter averaging buys and costs\n\nEach parallel setting against one"
                    + " worker trained the same way; wall time per trial covers training and scoring; 95% Welch intervals"
                    + " across seeds.\n\n| ")
            .append(String.join(" | ", ReportWriter.PARALLELISM_HEADERS))
            .append(" |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (ParallelismCost row : costs) {
          md.append("| ")
              .append(cell(row.cell()))
              .append(" | ")
              .append(row.setting())
              .append(" | ")
              .append(String.join(" | ", ReportWriter.parallelismCells(row)))
              .append(" |\n");
        }
      }
      md.append('\n');
      for (ReportWriter.Figure figure : figures.getOrDefault(architecture, List.of())) {
        md.append("![")
            .append(figure.caption())
            .append("](figures/")
            .append(figure.file())
            .append(")\n\n");
      }
    }
    List<ReportWriter.Figure> gallery = figures.getOrDefault("", List.of());
    if (!gallery.isEmpty()) {
      md.append("## Activation gallery\n\nf(x) solid, f′(x) dashed.\n\n");
      gallery.forEach(
          f ->
              md.append("![")
                  .append(f.caption())
                  .append("](figures/")
                  .append(f.file())
                  .append(") "));
      md.append("\n\n");
    }
    if (!comparison.unfinished().isEmpty()) {
      md.append(
          "## Trials that did not finish\n\n| trial | status | epochs | reason |\n|---|---|---:|---|\n");
      for (TrialRow trial : comparison.unfinished()) {
        md.append("| ")
            .append(trial.trialId())
            .append(" | ")
            .append(trial.outcome().status().label())
            .append(" | ")
            .append(trial.outcome().epochsCompleted())
            .append(" | ")
            .append(cell(ReportWriter.reason(trial)))
            .append(" |\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** A table cell: pipes escaped, line breaks flattened. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
