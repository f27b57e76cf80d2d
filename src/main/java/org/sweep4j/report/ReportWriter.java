package org.sweep4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sweep4j.results.TrialRow;

/**
 * Writes {@code report.md} and a self-contained {@code index.html} (inline SVG learning curves, no scripts or
 * network access) for a {@link Comparison}.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes both files into {@code dir} and returns the HTML file. */
  public static Path write(Comparison comparison, String title, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("report.md"), markdown(comparison, title), StandardCharsets.UTF_8);
      Path html = dir.resolve("index.html");
      Files.writeString(html, html(comparison, title), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report to " + dir + ": " + e.getMessage(), e);
    }
  }

  static String markdown(Comparison comparison, String title) {
    StringBuilder md = new StringBuilder("# " + title + "\n\n");
    md.append(comparison.trials()).append(" trials; ").append(comparison.cells().size())
        .append(" architecture × activation cells with finished trials. Accuracies are mean ± sd across seeds;")
        .append(" ★ marks the best final val accuracy per architecture.\n\n");
    for (String architecture : comparison.architectures()) {
      md.append("## ").append(architecture).append("\n\n");
      md.append("| activation | seeds | final val acc | best val acc | train − val gap | s/epoch |\n");
      md.append("|---|---:|---:|---:|---:|---:|\n");
      for (CellSummary cell : cellsOf(comparison, architecture)) {
        md.append(String.format(Locale.ROOT, "| %s%s | %d | %s | %s | %.3f | %.1f |%n", cell.activation(),
            comparison.isBest(cell) ? " ★" : "", cell.seeds(), meanSd(cell.finalValMean(), cell.finalValSd()),
            meanSd(cell.bestValMean(), cell.bestValSd()), cell.gapMean(), cell.epochSecondsMean()));
      }
      md.append("\nMean validation accuracy per epoch:\n\n");
      md.append("| activation |");
      int epochs = cellsOf(comparison, architecture).stream().mapToInt(c -> c.valAccuracyCurve().size()).max()
          .orElse(0);
      for (int e = 1; e <= epochs; e++) {
        md.append(' ').append(e).append(" |");
      }
      md.append("\n|---|").append("---:|".repeat(epochs)).append('\n');
      for (CellSummary cell : cellsOf(comparison, architecture)) {
        md.append("| ").append(cell.activation()).append(" |");
        for (double v : cell.valAccuracyCurve()) {
          md.append(String.format(Locale.ROOT, " %.3f |", v));
        }
        md.append(" |".repeat(epochs - cell.valAccuracyCurve().size())).append('\n');
      }
      md.append('\n');
    }
    appendUnfinishedMarkdown(comparison, md);
    return md.toString();
  }

  private static void appendUnfinishedMarkdown(Comparison comparison, StringBuilder md) {
    if (comparison.unfinished().isEmpty()) {
      return;
    }
    md.append("## Trials that did not finish\n\n| trial | status | epochs | reason |\n|---|---|---:|---|\n");
    for (TrialRow trial : comparison.unfinished()) {
      md.append("| ").append(trial.trialId()).append(" | ").append(trial.status().label()).append(" | ")
          .append(trial.epochsCompleted()).append(" | ")
          .append(trial.error() == null ? "" : trial.error().replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
    md.append('\n');
  }

  static String html(Comparison comparison, String title) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px}"
            + "td.n{text-align:right}tr.best{background:#eef8ee}</style></head><body>\n");
    html.append("<h1>").append(Html.escape(title)).append("</h1>\n<p>").append(comparison.trials())
        .append(" trials. Accuracies are mean ± sd across seeds; the highlighted row has the best final val"
            + " accuracy of its architecture.</p>\n");
    for (String architecture : comparison.architectures()) {
      List<CellSummary> cells = cellsOf(comparison, architecture);
      html.append("<h2>").append(Html.escape(architecture)).append("</h2>\n<table><tr><th>activation</th>"
          + "<th>seeds</th><th>final val acc</th><th>best val acc</th><th>train − val gap</th><th>s/epoch</th></tr>\n");
      for (CellSummary cell : cells) {
        html.append(comparison.isBest(cell) ? "<tr class=\"best\">" : "<tr>")
            .append("<td>").append(Html.escape(cell.activation())).append("</td>")
            .append(String.format(Locale.ROOT, "<td class=\"n\">%d</td><td class=\"n\">%s</td><td class=\"n\">%s"
                + "</td><td class=\"n\">%.3f</td><td class=\"n\">%.1f</td></tr>%n", cell.seeds(),
                meanSd(cell.finalValMean(), cell.finalValSd()), meanSd(cell.bestValMean(), cell.bestValSd()),
                cell.gapMean(), cell.epochSecondsMean()));
      }
      html.append("</table>\n");
      List<SvgLineChart.Series> series = new ArrayList<>();
      for (int i = 0; i < cells.size(); i++) {
        series.add(new SvgLineChart.Series(cells.get(i).activation() + " val", cells.get(i).valAccuracyCurve(), i,
            false));
        series.add(new SvgLineChart.Series(cells.get(i).activation() + " train", cells.get(i).trainAccuracyCurve(),
            i, true));
      }
      html.append(SvgLineChart.render(architecture + ": accuracy per epoch (mean over seeds)", "accuracy", series));
    }
    if (!comparison.unfinished().isEmpty()) {
      html.append("<h2>Trials that did not finish</h2>\n<table><tr><th>trial</th><th>status</th><th>epochs</th>"
          + "<th>reason</th></tr>\n");
      for (TrialRow trial : comparison.unfinished()) {
        html.append("<tr><td>").append(Html.escape(trial.trialId())).append("</td><td>")
            .append(Html.escape(trial.status().label())).append("</td><td class=\"n\">")
            .append(trial.epochsCompleted()).append("</td><td>").append(Html.escape(trial.error()))
            .append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static List<CellSummary> cellsOf(Comparison comparison, String architecture) {
    return comparison.cells().stream().filter(c -> c.architecture().equals(architecture)).toList();
  }

  private static String meanSd(double mean, double sd) {
    return Double.isNaN(sd) ? String.format(Locale.ROOT, "%.4f", mean)
        : String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd);
  }
}
