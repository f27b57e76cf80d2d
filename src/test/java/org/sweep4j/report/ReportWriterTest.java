package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerMeasure;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

class ReportWriterTest {
  @TempDir Path dir;

  private static final String HOSTILE = "<script>alert(1)</script>";

  private static Comparison comparison() {
    List<TrialRow> trials = new ArrayList<>(ComparisonTest.TRIALS);
    trials.add(ComparisonTest.trial("x1", HOSTILE, TrialStatus.FINISHED, 2));
    trials.add(ComparisonTest.trial("x2", HOSTILE, TrialStatus.FINISHED, 2));
    List<EpochRow> epochs = new ArrayList<>(ComparisonTest.epochs());
    epochs.addAll(ComparisonTest.curve("x1", 0.3, 0.4));
    epochs.addAll(ComparisonTest.curve("x2", 0.3, 0.5));
    List<LayerStatRow> stats = new ArrayList<>();
    for (String id : List.of("r1", "s1", "x1")) {
      for (String layer : List.of("conv1", "conv2", "output")) {
        for (LayerMeasure measure : LayerMeasure.values()) {
          stats.add(
              new LayerStatRow(
                  id, 2, layer, measure, measure == LayerMeasure.GRADIENT_L2 ? 0.01 : 0.2));
        }
      }
    }
    return Comparison.of(trials, epochs, stats, "relu");
  }

  private static ActivationCurve curve(String name) {
    return new ActivationCurve(
        name, null, new double[] {-1, 0, 1}, new double[] {0, 0, 1}, new double[] {0, 0, 1});
  }

  @Test
  void writesEveryFileWithFiguresAndEscapesUserStrings() throws Exception {
    Path html =
        ReportWriter.write(
            comparison(), List.of(curve("relu"), curve(HOSTILE)), "sweep " + HOSTILE, dir);
    String page = Files.readString(html);
    assertFalse(
        page.contains(HOSTILE),
        "user strings must be escaped, in tables and inside the SVG figures");
    assertFalse(page.contains("<script"), "a self-contained page runs no scripts");
    assertFalse(
        page.contains("http://") && page.contains("src=\"http"),
        "nothing is fetched from the network");
    assertEquals(
        1 + 1 + 1 + 2, count(page, "<svg"), "curves, verdicts, diagnostics and two gallery panels");
    String verdicts = Files.readString(dir.resolve("figures/small_cnn-verdicts.svg"));
    assertTrue(verdicts.contains("worse"), "the verdicts figure colours by decision");
    assertTrue(page.contains("worse than relu by 0.060"), "the verdict is on the page");
    assertTrue(page.contains("loss became NaN"), "unfinished trials are listed");
    // One architecture, four activations: a one-way analysis of variance, as scipy.stats.f_oneway
    // computes it (F 10.7099, p 0.00800344).
    assertTrue(page.contains("Which settings matter: analysis of variance"), "the ANOVA is shown");
    String anova = Files.readString(dir.resolve("anova.csv"));
    assertTrue(
        anova.startsWith(
            "response,term,df,sum_of_squares,f,p,partial_eta_squared,eta_ci_low,eta_ci_high\n"
                + "final val accuracy,activation,3,"),
        anova);
    assertTrue(anova.contains(",10.7099,0.00800344,"), anova);
    assertTrue(anova.contains("final val accuracy,residual,6,"), anova);

    // Every figure is also a well-formed SVG file that the Markdown links.
    String md = Files.readString(dir.resolve("report.md"));
    try (var files = Files.list(dir.resolve("figures"))) {
      List<Path> svgs = files.toList();
      assertEquals(5, svgs.size());
      for (Path svg : svgs) {
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertTrue(
            md.contains("(figures/" + svg.getFileName() + ")"), svg + " linked from report.md");
      }
    }
    assertTrue(md.contains("| relu ★ | 3 | 0.7100 ± 0.0100 [0.6852, 0.7348] |"), md);

    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertEquals(1 + 4, summary.size(), "header and one row per cell");
    assertTrue(
        summary.get(1).startsWith("small_cnn,relu,3,0.710000,0.0100000,0.685159,0.734841,"),
        summary.get(1));
    assertTrue(summary.get(1).endsWith(",true,0"), "best, and no seed restored: " + summary.get(1));
    List<String> comparisons = Files.readAllLines(dir.resolve("comparisons.csv"));
    assertTrue(
        comparisons.stream().anyMatch(l -> l.startsWith("small_cnn,selu,relu,3,3,-0.0600000,")),
        comparisons.toString());
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void fileNamesAreSafeWhateverTheLabel() throws IOException {
    assertEquals(
        "activation-leaky_relu_alpha_0.2_.svg".replace(".2_", "_2_"),
        ReportWriter.fileName("activation-leaky_relu(alpha=0.2)"));
  }

  @Test
  void aSweepOverWorkersGetsAParallelismTableFigureAndCsv() throws Exception {
    List<TrialRow> trials = new ArrayList<>();
    List<EpochRow> epochs = new ArrayList<>();
    for (int seed = 0; seed < 2; seed++) {
      trials.add(ComparisonTest.timed("one" + seed, 1, 5, 100 + seed));
      epochs.addAll(ComparisonTest.curve("one" + seed, 0.5, 0.70 + 0.01 * seed));
      trials.add(ComparisonTest.timed("two" + seed, 2, 5, 60 + seed));
      epochs.addAll(ComparisonTest.curve("two" + seed, 0.5, 0.66 + 0.01 * seed));
    }
    Path html =
        ReportWriter.write(
            Comparison.of(trials, epochs, List.of(), "relu"), List.of(), "workers", dir);
    String page = Files.readString(html);
    assertTrue(page.contains("Parallelism: what parameter averaging buys and costs"), page);
    assertTrue(page.contains("<td>relu</td><td>workers=2 avg=5</td>"), page);
    assertTrue(
        Files.readString(dir.resolve("report.md")).contains("| relu | workers=2 avg=5 | 2 vs 2 |"));
    Path figure = dir.resolve("figures/small_cnn-parallelism.svg");
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(figure.toFile());
    assertTrue(Files.readString(figure).contains("w2/a5"), "points are labelled by their setting");
    List<String> csv = Files.readAllLines(dir.resolve("parallelism.csv"));
    assertEquals(2, csv.size());
    assertTrue(
        csv.get(1).startsWith("small_cnn,relu,workers=2 avg=5,workers=1 avg=5,2,2,-0.0400000,"),
        csv.get(1));
  }

  /** A searched learning rate gets a scatter of final accuracy against it, on a log axis. */
  @Test
  void aSettingWithManyValuesIsPlottedAgainstFinalAccuracy() throws Exception {
    List<TrialRow> trials = new ArrayList<>();
    List<EpochRow> epochs = new ArrayList<>();
    double[] rates = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2};
    for (int i = 0; i < rates.length; i++) {
      for (String activation : List.of("relu", "selu")) {
        String id = activation + i;
        trials.add(
            org.sweep4j.results.TrialRowBuilder.trial(id)
                .activation(activation)
                .learningRate(rates[i])
                .build());
        epochs.addAll(ComparisonTest.curve(id, 0.4, 0.5 + 0.02 * i));
      }
    }
    Comparison comparison = Comparison.of(trials, epochs, List.of(), "relu");
    assertEquals(1, comparison.settingEffects().size());
    SettingEffect effect = comparison.settingEffects().get(0);
    assertEquals(Setting.LEARNING_RATE, effect.setting());
    assertTrue(effect.logScale(), "1e-4 to 1e-2 spans two decades");
    assertEquals(10, effect.points().size());
    ReportWriter.write(comparison, List.of(), "search", dir);
    Path svg = dir.resolve("figures/small_cnn-learning_rate.svg");
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertTrue(Files.readString(svg).contains("learning_rate (log scale)"));
    assertTrue(
        Files.readString(dir.resolve("report.md"))
            .contains("(figures/small_cnn-learning_rate.svg)"));
  }
}
