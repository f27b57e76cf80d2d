package org.sweep4j.report;

import java.util.List;
import java.util.Map;
import org.sweep4j.results.TrialRow;

/**
 * The report as one self-contained HTML page; every string from a job file or a table is escaped.
 */
final class ReportHtml {
  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}"
          + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px}"
          + "td.n{text-align:right;font-variant-numeric:tabular-nums}tr.best{background:#eef8ee}"
          + ".warn{color:#a60}.gallery{display:flex;flex-wrap:wrap;gap:8px}figure{margin:0.5em 0}"
          + "p.note{color:#555;max-width:60em}";

  private ReportHtml() {}

  static String render(
      Comparison comparison, Map<String, List<ReportWriter.Figure>> figures, String title) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    intro(comparison, title, html);
    for (String architecture : comparison.architectures()) {
      html.append("<h2>").append(esc(architecture)).append("</h2>\n");
      summaryTable(comparison, architecture, html);
      comparisonTable(comparison, architecture, html);
      parallelismTable(comparison, architecture, html);
      for (ReportWriter.Figure figure : figures.getOrDefault(architecture, List.of())) {
        html.append("<figure>")
            .append(figure.svg())
            .append("<figcaption>")
            .append(esc(figure.caption()))
            .append("</figcaption></figure>\n");
      }
    }
    gallery(figures.getOrDefault("", List.of()), html);
    unfinished(comparison, html);
    return html.append("</body></html>\n").toString();
  }

  private static void intro(Comparison comparison, String title, StringBuilder html) {
    html.append("<h1>")
        .append(esc(title))
        .append("</h1>\n<p class=\"note\">")
        .append(comparison.trials())
        .append(
            " trials. Accuracies are mean ± sample sd across seeds with the 95% Student-t interval of the mean"
                + " in brackets; the highlighted row (★) has the best mean final val accuracy of its architecture."
                + " Each activation is compared with <b>")
        .append(esc(comparison.baseline()))
        .append("</b> on final val accuracy by Welch's t-test, p-values Holm-corrected over all ")
        .append(comparison.comparisons().size())
        .append(" comparisons; verdicts use α = ")
        .append(BaselineComparison.ALPHA)
        .append(".")
        .append(esc(ReportWriter.verdictNote(comparison)))
        .append("</p>\n");
    anova(comparison.anova(), html);
    adaptiveSeeds(comparison.adaptiveSeeds(), html);
    pruning(comparison.pruning(), html);
  }

  private static void pruning(PruningReport pruning, StringBuilder html) {
    if (pruning == null) {
      return;
    }
    html.append("<h2>Pruning: what it saved and what it risked</h2>\n<p class=\"note\">")
        .append(esc(pruning.note()))
        .append("</p>\n");
    if (pruning.pruned().isEmpty()) {
      return;
    }
    html.append("<table><tr>");
    PruningReport.HEADERS.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
    html.append("</tr>\n");
    for (PruningReport.Pruned row : pruning.pruned()) {
      List<String> cells = PruningReport.cells(row);
      html.append("<tr>");
      cells.subList(0, 2).forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
      cells.subList(2, 6).forEach(c -> html.append(td(c)));
      html.append("<td>").append(esc(cells.get(6))).append("</td>");
      cells.subList(7, cells.size()).forEach(c -> html.append(td(c)));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void adaptiveSeeds(AdaptiveSeedsReport seeds, StringBuilder html) {
    if (seeds == null) {
      return;
    }
    html.append("<h2>Seeds on demand: how many each cell got, and why it stopped</h2>\n")
        .append("<p class=\"note\">")
        .append(esc(seeds.note()))
        .append("</p>\n<table><tr>");
    AdaptiveSeedsReport.HEADERS.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
    html.append("</tr>\n");
    for (AdaptiveSeedsReport.Row row : seeds.rows()) {
      List<String> cells = AdaptiveSeedsReport.cells(row);
      html.append("<tr>");
      cells.subList(0, 2).forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
      html.append(td(cells.get(2)));
      html.append("<td>").append(esc(cells.get(3))).append("</td>");
      cells.subList(4, cells.size()).forEach(c -> html.append(td(c)));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void anova(AnovaTable anova, StringBuilder html) {
    html.append("<h2>Which settings matter: analysis of variance</h2>\n<p class=\"note\">")
        .append(esc(ReportWriter.anovaNote(anova)))
        .append("</p>\n");
    if (!anova.testable()) {
      return;
    }
    html.append("<table><tr>");
    ReportWriter.ANOVA_HEADERS.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
    html.append("</tr>\n");
    for (AnovaTerm term : anova.terms()) {
      List<String> cells = ReportWriter.anovaCells(term);
      html.append("<tr><td>").append(esc(cells.get(0))).append("</td>");
      cells.subList(1, cells.size()).forEach(c -> html.append(td(c)));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void gallery(List<ReportWriter.Figure> gallery, StringBuilder html) {
    if (!gallery.isEmpty()) {
      html.append(
          "<h2>Activation gallery</h2>\n<p class=\"note\">f(x) solid, f′(x) dashed, as the networks compute"
              + " them.</p>\n<div class=\"gallery\">");
      gallery.forEach(figure -> html.append(figure.svg()));
      html.append("</div>\n");
    }
  }

  private static void summaryTable(Comparison comparison, String architecture, StringBuilder html) {
    html.append("<table><tr><th>activation</th><th>seeds</th><th>final val acc (")
        .append(esc(comparison.finalWeights()))
        .append(
            ")</th><th>best val acc</th><th>epoch of best</th><th>train − val gap</th>"
                + "<th>s/epoch</th></tr>\n");
    for (CellSummary cell : comparison.cellsOf(architecture)) {
      boolean best = comparison.isBest(cell);
      html.append(best ? "<tr class=\"best\">" : "<tr>")
          .append("<td>")
          .append(esc(cell.activation()))
          .append(best ? " ★" : "")
          .append("</td>")
          .append(td(String.valueOf(cell.seeds())))
          .append(td(ReportWriter.estimate(cell.finalVal())))
          .append(td(ReportWriter.estimate(cell.bestVal())))
          .append(td(ReportWriter.number(cell.bestEpochMean(), 1)))
          .append(td(ReportWriter.number(cell.gap().mean(), 3)))
          .append(td(ReportWriter.number(cell.epochSecondsMean(), 1)))
          .append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void comparisonTable(
      Comparison comparison, String architecture, StringBuilder html) {
    List<BaselineComparison> rows = comparison.comparisonsOf(architecture);
    if (rows.isEmpty()) {
      html.append("<p class=\"note\">No comparison: no finished ")
          .append(esc(comparison.baseline()))
          .append(" trials on this architecture (choose another baseline with --baseline).</p>\n");
      return;
    }
    html.append("<table><tr><th>activation</th><th>seeds vs ")
        .append(esc(comparison.baseline()))
        .append(
            "</th><th>difference [95% CI]</th><th>p</th><th>p (Holm)</th>"
                + "<th>equivalent: p (Holm)</th><th>detectable</th><th>verdict</th></tr>\n");
    for (BaselineComparison row : rows) {
      html.append("<tr><td>")
          .append(esc(row.activation()))
          .append("</td>")
          .append(td(row.seeds() + " vs " + row.baselineSeeds()))
          .append(td(ReportWriter.difference(row)))
          .append(td(ReportWriter.pValue(row.p())))
          .append(td(ReportWriter.pValue(row.pHolm())))
          .append(td(ReportWriter.pValue(row.pEquivalentHolm())))
          .append(td(ReportWriter.number(row.detectable(), 3)))
          .append("<td>")
          .append(esc(ReportWriter.verdict(comparison, row)));
      if (row.warning() != null) {
        html.append(" <span class=\"warn\">⚠ ").append(esc(row.warning())).append("</span>");
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void parallelismTable(
      Comparison comparison, String architecture, StringBuilder html) {
    List<ParallelismCost> rows = comparison.parallelismOf(architecture);
    if (rows.isEmpty()) {
      return;
    }
    html.append(
        "<h3>Parallelism: what parameter averaging buys and costs</h3>\n<p class=\"note\">Each parallel"
            + " setting against one worker trained the same way: the difference in final val accuracy and in wall time"
            + " per trial (training and scoring), with 95% Welch intervals across seeds.</p>\n<table><tr>");
    ReportWriter.PARALLELISM_HEADERS.forEach(
        h -> html.append("<th>").append(esc(h)).append("</th>"));
    html.append("</tr>\n");
    for (ParallelismCost row : rows) {
      html.append("<tr><td>")
          .append(esc(row.cell()))
          .append("</td><td>")
          .append(esc(row.setting()))
          .append("</td>");
      ReportWriter.parallelismCells(row).forEach(cell -> html.append(td(cell)));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void unfinished(Comparison comparison, StringBuilder html) {
    if (comparison.unfinished().isEmpty()) {
      return;
    }
    html.append(
        "<h2>Trials that did not finish</h2>\n<table><tr><th>trial</th><th>status</th><th>epochs</th>"
            + "<th>reason</th></tr>\n");
    for (TrialRow trial : comparison.unfinished()) {
      html.append("<tr><td>")
          .append(esc(trial.trialId()))
          .append("</td><td>")
          .append(esc(trial.outcome().status().label()))
          .append("</td>")
          .append(td(String.valueOf(trial.outcome().epochsCompleted())))
          .append("<td>")
          .append(esc(ReportWriter.reason(trial)))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String td(String number) {
    return "<td class=\"n\">" + esc(number) + "</td>";
  }

  private static String esc(String text) {
    return Html.escape(text);
  }
}
