package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.Provenance;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

class ComparisonTest {
  private static TrialRow trial(String id, String activation, TrialStatus status, int completed) {
    return new TrialRow(id, "s", activation, activation, "small_cnn", 1, 2, 32, "adam", 1e-3, 1, 5, 32, "synthetic",
        100, 50, "d", status, status == TrialStatus.FINISHED ? null : "loss became NaN", Instant.EPOCH, Instant.EPOCH,
        10, completed, null, null, null, new Provenance("v", "v", "v", "cpu", "local"));
  }

  private static List<EpochRow> curve(String id, double... valAccuracies) {
    List<EpochRow> rows = new ArrayList<>();
    for (int i = 0; i < valAccuracies.length; i++) {
      rows.add(new EpochRow(id, i + 1, 1, valAccuracies[i] + 0.1, 1, valAccuracies[i], 2.0, 100));
    }
    return rows;
  }

  private final List<TrialRow> trials = List.of(trial("r1", "relu", TrialStatus.FINISHED, 2),
      trial("r2", "relu", TrialStatus.FINISHED, 2), trial("s1", "<b>selu</b>", TrialStatus.FINISHED, 2),
      trial("d1", "sigmoid", TrialStatus.DIVERGED, 1));

  private List<EpochRow> epochs() {
    List<EpochRow> all = new ArrayList<>();
    all.addAll(curve("r1", 0.4, 0.6));
    all.addAll(curve("r2", 0.5, 0.7));
    all.addAll(curve("s1", 0.3, 0.5));
    all.addAll(curve("d1", 0.1));
    return all;
  }

  @Test
  void summarisesEachCellAcrossSeeds() {
    Comparison comparison = Comparison.of(trials, epochs());
    assertEquals(2, comparison.cells().size());
    CellSummary relu = comparison.cells().get(0);
    assertEquals("relu", relu.activation());
    assertEquals(2, relu.seeds());
    assertEquals(0.65, relu.finalValMean(), 1e-12);
    assertEquals(Math.sqrt(0.005), relu.finalValSd(), 1e-12);
    assertEquals(List.of(0.45, 0.65), relu.valAccuracyCurve().stream().map(v -> Math.round(v * 100) / 100.0)
        .toList());
    assertEquals(0.1, relu.gapMean(), 1e-12);
    assertTrue(comparison.isBest(relu));
    assertFalse(comparison.isBest(comparison.cells().get(1)));
    assertEquals(List.of("d1"), comparison.unfinished().stream().map(TrialRow::trialId).toList());
  }

  @Test
  void reportsEscapeUserStringsAndListUnfinishedTrials() {
    Comparison comparison = Comparison.of(trials, epochs());
    String html = ReportWriter.html(comparison, "sweep <x>");
    assertFalse(html.contains("<b>selu</b>"), "user strings must be escaped");
    assertTrue(html.contains("&lt;b&gt;selu&lt;/b&gt;"));
    assertTrue(html.contains("<svg"), "the report has a plot");
    assertTrue(html.contains("loss became NaN"));
    String md = ReportWriter.markdown(comparison, "t");
    assertTrue(md.contains("| relu ★ | 2 | 0.6500 ± 0.0707 |"), md);
    assertTrue(md.contains("| d1 | diverged | 1 | loss became NaN |"), md);
  }
}
