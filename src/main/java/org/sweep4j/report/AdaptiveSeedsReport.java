package org.sweep4j.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;

/**
 * How an adaptive-seeds sweep spent its seeds: the looks replayed from the recorded trials with the
 * design its runs recorded, giving each cell's seeds and why it stopped (decided at a look,
 * undecided at the last, a baseline, or still open).
 *
 * @param pendingLook the look the sweep waits at (0: every cell has stopped)
 */
public record AdaptiveSeedsReport(
    SequentialDesign design, String baseline, List<Row> rows, int pendingLook) {

  /** A cell: its architecture and label as the report names them, and where it stands. */
  public record Row(
      String architecture, String cell, String baselineCell, SeedLooks.CellOutcome outcome) {}

  public AdaptiveSeedsReport {
    rows = List.copyOf(rows);
  }

  public static AdaptiveSeedsReport of(RunRow.SeedDesign recorded, List<TrialRow> trials) {
    SequentialDesign design =
        new SequentialDesign(
            recorded.start(),
            recorded.step(),
            recorded.max(),
            recorded.alpha(),
            recorded.minDifference());
    List<Setting> varying = Setting.varying(trials);
    Map<String, List<TrialRow>> byCell = new LinkedHashMap<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    for (TrialRow trial : trials) {
      String label = Comparison.cellLabel(trial, varying);
      String key = key(trial.settings().architecture(), label);
      byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(trial);
      names.put(key, new String[] {trial.settings().architecture(), label});
    }
    List<SeedLooks.CellSeeds> cells = new ArrayList<>();
    byCell.forEach(
        (key, rows) -> {
          String[] name = names.get(key);
          String baseLabel = recorded.baseline() + Comparison.settingsSuffix(name[1]);
          boolean isBaseline = baseLabel.equals(name[1]);
          cells.add(
              new SeedLooks.CellSeeds(
                  key, isBaseline ? null : key(name[0], baseLabel), finals(rows, recorded.max())));
        });
    SeedLooks.Replay replay = SeedLooks.replay(design, cells);
    List<Row> rows = new ArrayList<>();
    for (SeedLooks.CellOutcome outcome : replay.cells()) {
      String[] name = names.get(outcome.cell());
      String[] base = outcome.baseline() == null ? null : names.get(outcome.baseline());
      rows.add(new Row(name[0], name[1], base == null ? null : base[1], outcome));
    }
    return new AdaptiveSeedsReport(design, recorded.baseline(), rows, replay.pendingLook());
  }

  private static String key(String architecture, String label) {
    return architecture + "\u0000" + label;
  }

  /** A cell's final values by seed index (seeds 1 to max). */
  private static List<Double> finals(List<TrialRow> trials, int max) {
    List<Double> finals = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      finals.add(null);
    }
    for (TrialRow trial : trials) {
      long seed = trial.settings().seed();
      if (seed >= 1 && seed <= max) {
        finals.set((int) seed - 1, SeedLooks.finalValue(trial));
      }
    }
    return finals;
  }

  static final List<String> HEADERS =
      List.of(
          "architecture",
          "cell",
          "seeds",
          "why it stopped",
          "difference [95% CI]",
          "p (Holm)",
          "equivalent: p (Holm)",
          "level at that look");

  /** A row's cells, shared by the HTML and Markdown reports. */
  static List<String> cells(Row row) {
    SeedLooks.CellOutcome outcome = row.outcome();
    SequentialDesign.Decision decision = outcome.decision();
    Stats.Welch welch = outcome.welch();
    boolean tested = welch != null && outcome.stop() != SeedLooks.Stop.BASELINE;
    return List.of(
        row.architecture(),
        row.cell(),
        String.valueOf(outcome.seeds()),
        SeedLooks.why(outcome, row.baselineCell()),
        tested ? ReportWriter.interval(welch, 4) : "–",
        tested ? ReportWriter.pValue(decision.p()) : "–",
        tested ? ReportWriter.pValue(decision.equivalenceP()) : "–",
        decision == null ? "–" : String.format(Locale.ROOT, "%.2g", decision.level()));
  }

  /**
   * The sequential verdict of a cell, to stand beside the fixed-sample one in the comparison
   * tables: "; seeds on demand: worse than relu at 4 seeds"; empty for a cell the looks did not
   * test.
   */
  String sequentialVerdict(String architecture, String cell) {
    return rows.stream()
        .filter(r -> r.architecture().equals(architecture) && r.cell().equals(cell))
        .filter(r -> r.outcome().stop() != SeedLooks.Stop.BASELINE)
        .findFirst()
        .map(
            r ->
                "; seeds on demand: "
                    + SeedLooks.why(r.outcome(), r.baselineCell())
                    + " at "
                    + r.outcome().seeds()
                    + " seeds")
        .orElse("");
  }

  /** What the section says above its table. */
  String note() {
    int used = rows.stream().mapToInt(r -> r.outcome().seeds()).sum();
    int full = rows.size() * design.max();
    return String.format(
        Locale.ROOT,
        "Seeds were added in stages (grid.seeds.adaptive): every cell got %d, then cells still"
            + " undecided against %s (and their baselines) got %d more at a time, up to %d"
            + " (looks at %s seeds). Each look decides on the first seeds only, at its share of"
            + " α = %s from an O'Brien–Fleming spending function, Holm-corrected over the"
            + " comparisons still open, equivalence within ±%s: the chance of any wrong verdict"
            + " over the whole sweep stays at most α however early cells stop. %d trials of the"
            + " %d a fixed %d seeds per cell would take. The comparison tables further down analyse"
            + " the same seeds as if their number had been fixed in advance: their p-values ignore"
            + " the stopping, so where they disagree with this table, this table's verdicts are"
            + " the ones whose error rate holds.%s",
        design.start(),
        baseline,
        design.step(),
        design.max(),
        design.looks(),
        design.alpha(),
        ReportWriter.number(design.delta(), 3).replaceAll("0+$", ""),
        used,
        full,
        design.max(),
        pendingLook == 0
            ? ""
            : " The sweep has not finished: its look at "
                + pendingLook
                + " seeds waits for trials (run it again with --resume).");
  }
}
