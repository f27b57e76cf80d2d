package org.sweep4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweep4j.results.TrialRow;

/**
 * Writes a report directory: a self-contained {@code index.html} (figures inline as SVG, no
 * scripts, no network), {@code report.md} linking the same figures from {@code figures/}, and
 * {@code summary.csv} and {@code comparisons.csv} for spreadsheets.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** The figures of a report, by file name under {@code figures/}, in the order they are shown. */
  record Figure(String file, String caption, String svg) {}

  /** Writes every file into {@code dir} and returns the HTML file. */
  public static Path write(
      Comparison comparison, List<ActivationCurve> gallery, String title, Path dir) {
    Map<String, List<Figure>> figures = figures(comparison, gallery);
    try {
      Files.createDirectories(dir.resolve("figures"));
      for (List<Figure> section : figures.values()) {
        for (Figure figure : section) {
          Files.writeString(
              dir.resolve("figures").resolve(figure.file()),
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + figure.svg(),
              StandardCharsets.UTF_8);
        }
      }
      Files.writeString(
          dir.resolve("report.md"),
          ReportMarkdown.render(comparison, figures, title),
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("summary.csv"), ReportCsv.summary(comparison), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("comparisons.csv"),
          ReportCsv.comparisons(comparison),
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("anova.csv"), ReportCsv.anova(comparison), StandardCharsets.UTF_8);
      if (comparison.adaptiveSeeds() != null) {
        Files.writeString(
            dir.resolve("adaptive_seeds.csv"),
            ReportCsv.adaptiveSeeds(comparison.adaptiveSeeds()),
            StandardCharsets.UTF_8);
      }
      if (comparison.pruning() != null) {
        Files.writeString(
            dir.resolve("pruning.csv"),
            ReportCsv.pruning(comparison.pruning()),
            StandardCharsets.UTF_8);
      }
      if (!comparison.parallelism().isEmpty()) {
        Files.writeString(
            dir.resolve("parallelism.csv"),
            ReportCsv.parallelism(comparison),
            StandardCharsets.UTF_8);
      }
      Path html = dir.resolve("index.html");
      Files.writeString(
          html, ReportHtml.render(comparison, figures, title), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Figures by section: for each architecture its learning curves and (when recorded) diagnostics,
   * keyed by the architecture; then the gallery under the key {@code ""}.
   */
  static Map<String, List<Figure>> figures(Comparison comparison, List<ActivationCurve> gallery) {
    Map<String, List<Figure>> figures = new LinkedHashMap<>();
    for (String architecture : comparison.architectures()) {
      figures.put(architecture, section(comparison, architecture));
    }
    List<Figure> panels = new ArrayList<>();
    for (ActivationCurve curve : gallery) {
      panels.add(
          new Figure(
              fileName("activation-" + curve.activation()),
              curve.activation(),
              Figures.galleryPanel(curve)));
    }
    figures.put("", panels);
    return figures;
  }

  /** One architecture's figures: learning curves, then diagnostics and parallelism if any. */
  private static List<Figure> section(Comparison comparison, String architecture) {
    List<Figure> section = new ArrayList<>();
    List<CellSummary> cells = comparison.cellsOf(architecture);
    section.add(
        new Figure(
            fileName(architecture + "-curves"),
            architecture + ": learning curves",
            Figures.learningCurves(architecture, cells)));
    List<BaselineComparison> comparisons = comparison.comparisonsOf(architecture);
    if (!comparisons.isEmpty()) {
      section.add(
          new Figure(
              fileName(architecture + "-verdicts"),
              architecture + ": each activation against the baseline",
              Figures.verdicts(architecture, comparisons, comparison.minDifference())));
    }
    List<LayerStatSummary> stats =
        comparison.layerStats().stream()
            .filter(s -> s.architecture().equals(architecture))
            .toList();
    if (!stats.isEmpty()) {
      List<String> layers =
          stats.stream()
              .map(LayerStatSummary::layer)
              .distinct()
              .sorted(java.util.Comparator.comparingInt(LayerStatSummary::layerRank))
              .toList();
      List<String> activations = cells.stream().map(CellSummary::activation).toList();
      section.add(
          new Figure(
              fileName(architecture + "-diagnostics"),
              architecture + ": layer diagnostics",
              DiagnosticsFigure.of(architecture, activations, layers, stats)));
    }
    for (SettingEffect effect : comparison.settingEffects()) {
      if (effect.architecture().equals(architecture)) {
        section.add(
            new Figure(
                fileName(architecture + "-" + effect.setting().factor()),
                architecture + ": final val accuracy against " + effect.setting().factor(),
                Figures.settingEffect(effect)));
      }
    }
    List<ParallelismCost> costs = comparison.parallelismOf(architecture);
    if (!costs.isEmpty()) {
      section.add(
          new Figure(
              fileName(architecture + "-parallelism"),
              architecture + ": parameter averaging, gain and cost",
              Figures.parallelism(architecture, costs)));
    }
    return section;
  }

  /**
   * A file name made of letters, digits, '-' and '_' only, whatever the activation's label holds.
   */
  static String fileName(String base) {
    return base.replaceAll("[^A-Za-z0-9_-]+", "_") + ".svg";
  }

  static String number(double value, int decimals) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** "0.6500 ± 0.0707 [0.0147, 1.2853]", leaving out what one seed cannot give. */
  static String estimate(Estimate e) {
    if (Double.isNaN(e.sd())) {
      return number(e.mean(), 4);
    }
    return number(e.mean(), 4)
        + " ± "
        + number(e.sd(), 4)
        + " ["
        + number(e.low(), 4)
        + ", "
        + number(e.high(), 4)
        + "]";
  }

  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "–";
    }
    return p < 1e-4 ? "< 0.0001" : number(p, 4);
  }

  static String difference(BaselineComparison c) {
    String sign = c.difference() >= 0 ? "+" : "";
    String interval =
        c.testable() ? " [" + number(c.low(), 4) + ", " + number(c.high(), 4) + "]" : "";
    return sign + number(c.difference(), 4) + interval;
  }

  /**
   * "+0.0123 [-0.0040, 0.0286]": a difference with its Welch interval (none when a side has one
   * seed).
   */
  static String interval(Stats.Welch w, int decimals) {
    String sign = w.difference() >= 0 ? "+" : "";
    String interval =
        Double.isNaN(w.low())
            ? ""
            : " [" + number(w.low(), decimals) + ", " + number(w.high(), decimals) + "]";
    return sign + number(w.difference(), decimals) + interval;
  }

  /**
   * The parallelism table's cells after the cell and setting names, shared by the HTML and Markdown
   * reports.
   */
  static List<String> parallelismCells(ParallelismCost c) {
    return List.of(
        c.seeds() + " vs " + c.referenceSeeds(),
        interval(c.accuracy(), 4),
        number(c.referenceSeconds(), 0)
            + " → "
            + number(c.referenceSeconds() + c.seconds().difference(), 0),
        interval(c.seconds(), 0),
        number(c.speedup(), 2) + "×");
  }

  static final List<String> PARALLELISM_HEADERS =
      List.of(
          "cell",
          "setting",
          "seeds vs 1 worker",
          "Δ final val acc [95% CI]",
          "s per trial (1 worker → this)",
          "Δ s per trial [95% CI]",
          "speed-up");

  static final List<String> ANOVA_HEADERS =
      List.of("term", "df", "sum of squares", "F", "p", "partial η² [95% CI]");

  static List<String> anovaCells(AnovaTerm t) {
    return List.of(
        t.term(),
        String.valueOf(t.df()),
        String.format(Locale.ROOT, "%.5f", t.sumOfSquares()),
        number(t.f(), 2),
        pValue(t.p()),
        Double.isNaN(t.partialEtaSquared())
            ? "–"
            : number(t.partialEtaSquared(), 3)
                + " ["
                + number(t.etaLow(), 3)
                + ", "
                + number(t.etaHigh(), 3)
                + "]");
  }

  /** What the analysis of variance section says above its table. */
  static String anovaNote(AnovaTable anova) {
    if (!anova.testable()) {
      return "No analysis of variance: "
          + (anova.terms().isEmpty()
              ? "nothing but the seed varies among the finished trials."
              : "no residual degrees of freedom (every cell needs more than one seed).");
    }
    return "Which settings move "
        + anova.response()
        + ", and whether one's effect depends on another (A × B): a factorial analysis of variance"
        + " over the "
        + anova.observations()
        + " finished trials, seeds as replicates, type II sums of squares (each term adjusted for"
        + " every term not containing it, so cells left unbalanced by failed trials are handled"
        + " correctly). Partial η² is the share of the variance the term and the residual leave that"
        + " the term explains; residual: "
        + anova.residualDf()
        + " degrees of freedom, sum of squares "
        + String.format(Locale.ROOT, "%.5f", anova.residualSumOfSquares())
        + "."
        + (anova.leftOut().isEmpty()
            ? ""
            : " Left out, as they follow from the factors before them: "
                + String.join(", ", anova.leftOut())
                + ".");
  }

  /** How the comparisons decide, for the report's introduction. */
  static String verdictNote(Comparison comparison) {
    return String.format(
        Locale.ROOT,
        " An activation is equivalent when two one-sided tests (Holm-corrected) put it within ±%s"
            + " of %s (report.min_difference), better or worse when Welch's test says so, and"
            + " undecided otherwise, with the seeds per side that would decide (80%% power); never"
            + " \"no difference\". Detectable: the smallest true difference the seeds find with 80%%"
            + " power at Holm's strictest level.",
        number(comparison.minDifference(), 3).replaceAll("0+$", ""),
        comparison.baseline());
  }

  /**
   * A comparison's verdict in words; after an adaptive-seeds sweep, followed by the sequential
   * verdict, the one whose error rate holds under the stopping.
   */
  static String verdict(Comparison comparison, BaselineComparison row) {
    AdaptiveSeedsReport seeds = comparison.adaptiveSeeds();
    return row.verdict()
        + (seeds == null ? "" : seeds.sequentialVerdict(row.architecture(), row.activation()));
  }

  static String reason(TrialRow trial) {
    return trial.outcome().error() == null ? "" : trial.outcome().error();
  }
}
