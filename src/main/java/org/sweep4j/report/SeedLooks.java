package org.sweep4j.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * The looks of an adaptive-seeds sweep, replayed from what is recorded: at each look every open
 * comparison (a cell against its baseline cell) is decided on the first {@code n} seeds of both
 * sides by {@link SequentialDesign}, and the next look needs seeds only for the cells still open
 * and their baselines. The first look needs every cell. Each look's decision depends only on those
 * seeds, so the driver (which stages the trials) and the report (which says why each cell stopped)
 * replay the same looks to the same verdicts, and a resumed run carries on where a stopped one was.
 */
public final class SeedLooks {
  private SeedLooks() {}

  /**
   * A cell's recorded seeds.
   *
   * @param cell the cell's name, unique in the sweep
   * @param baseline the name of the cell it is compared with; null for none (a baseline cell)
   * @param finals final val accuracy by seed index (seed 1 first): a value; NaN when the trial
   *     ended without one (diverged); null when the trial is not settled yet (not run, failed,
   *     interrupted)
   */
  public record CellSeeds(String cell, String baseline, List<Double> finals) {
    public CellSeeds {
      finals = java.util.Collections.unmodifiableList(new ArrayList<>(finals));
    }

    /** Whether the first {@code n} seeds are all settled. */
    boolean settled(int n) {
      return finals.size() >= n && finals.subList(0, n).stream().allMatch(v -> v != null);
    }

    /** The finite values among the first {@code n} seeds. */
    List<Double> values(int n) {
      return finals.subList(0, Math.min(n, finals.size())).stream()
          .filter(v -> v != null && !v.isNaN())
          .toList();
    }
  }

  /** Why a cell stopped getting seeds. */
  public enum Stop {
    /** Decided: the verdict says how. */
    DECIDED,
    /** Still undecided at the design's last look. */
    UNDECIDED_AT_MAX,
    /** A baseline (or a cell without one): it ran while any comparison against it was open. */
    BASELINE,
    /** The sweep has not got that far: its next look waits for seeds (run --resume). */
    OPEN
  }

  /**
   * Where a cell stands.
   *
   * @param seeds the seeds its looks used
   * @param decision the verdict at its last look (null for baselines and cells never tested)
   * @param welch its test at that look (null when either side had fewer than two values)
   */
  public record CellOutcome(
      String cell,
      String baseline,
      int seeds,
      Stop stop,
      SequentialDesign.Decision decision,
      Stats.Welch welch) {}

  /**
   * The replay.
   *
   * @param pendingLook the seeds per cell of the next look, which waits for {@code pendingCells}; 0
   *     when every cell has stopped
   * @param pendingCells the cells the next look needs seeds of, up to {@code pendingLook}
   */
  public record Replay(List<CellOutcome> cells, int pendingLook, Set<String> pendingCells) {
    public boolean done() {
      return pendingLook == 0;
    }
  }

  /**
   * What a look sees of a trial: its final val accuracy, NaN if it diverged (or recorded none),
   * null if it is not settled.
   */
  public static Double finalValue(TrialRow row) {
    if (row == null || !row.outcome().status().isSettled()) {
      return null;
    }
    Double value = row.outcome().finalValAccuracy();
    return row.outcome().status() == TrialStatus.FINISHED && value != null ? value : Double.NaN;
  }

  /** Why {@code cell} stopped getting seeds, in words; {@code baseline} names its baseline. */
  public static String why(CellOutcome cell, String baseline) {
    SequentialDesign.Decision decision = cell.decision();
    return switch (cell.stop()) {
      case BASELINE -> "baseline: ran while a comparison against it was open";
      case OPEN -> "open: its next look waits for seeds (run --resume)";
      case UNDECIDED_AT_MAX -> "undecided against " + baseline + " at the last look";
      case DECIDED ->
          switch (decision.verdict()) {
            case BETTER -> "better than " + baseline;
            case WORSE -> "worse than " + baseline;
            case EQUIVALENT -> "equivalent to " + baseline;
            default -> decision.verdict().name();
          };
    };
  }

  public static Replay replay(SequentialDesign design, List<CellSeeds> cells) {
    Map<String, CellSeeds> byName = new LinkedHashMap<>();
    cells.forEach(c -> byName.put(c.cell(), c));
    Set<String> open = new LinkedHashSet<>();
    for (CellSeeds cell : cells) {
      if (cell.baseline() != null && byName.containsKey(cell.baseline())) {
        open.add(cell.cell());
      }
    }
    Map<String, Integer> seeds = new LinkedHashMap<>();
    Map<String, SequentialDesign.Decision> decisions = new LinkedHashMap<>();
    Map<String, Stats.Welch> tests = new LinkedHashMap<>();
    List<Integer> looks = design.looks();
    for (int n : looks) {
      Set<String> needed = new LinkedHashSet<>();
      if (n == looks.get(0)) {
        needed.addAll(byName.keySet());
      }
      for (String cell : open) {
        needed.add(cell);
        needed.add(byName.get(cell).baseline());
      }
      if (needed.isEmpty()) {
        break;
      }
      Set<String> waiting = new LinkedHashSet<>();
      needed.stream().filter(c -> !byName.get(c).settled(n)).forEach(waiting::add);
      if (!waiting.isEmpty()) {
        return new Replay(outcomes(cells, seeds, decisions, tests, open), n, needed);
      }
      needed.forEach(c -> seeds.put(c, n));
      decide(design, n, open, byName, decisions, tests);
    }
    return new Replay(outcomes(cells, seeds, decisions, tests, Set.of()), 0, Set.of());
  }

  /** Decides the open comparisons at the look of {@code n} seeds; the decided ones leave open. */
  private static void decide(
      SequentialDesign design,
      int n,
      Set<String> open,
      Map<String, CellSeeds> byName,
      Map<String, SequentialDesign.Decision> decisions,
      Map<String, Stats.Welch> tests) {
    List<String> testable = new ArrayList<>();
    List<Stats.Welch> welches = new ArrayList<>();
    boolean last = n >= design.max();
    for (String cell : open) {
      List<Double> a = byName.get(cell).values(n);
      List<Double> b = byName.get(byName.get(cell).baseline()).values(n);
      if (a.size() >= 2 && b.size() >= 2) {
        testable.add(cell);
        welches.add(Stats.welch(a, b));
      } else {
        tests.remove(cell);
        decisions.put(
            cell,
            new SequentialDesign.Decision(
                last ? SequentialDesign.Verdict.UNDECIDED : SequentialDesign.Verdict.CONTINUE,
                Double.NaN,
                Double.NaN,
                design.level(n)));
      }
    }
    List<SequentialDesign.Decision> verdicts = design.decide(n, welches);
    for (int i = 0; i < testable.size(); i++) {
      decisions.put(testable.get(i), verdicts.get(i));
      tests.put(testable.get(i), welches.get(i));
    }
    open.removeIf(c -> decisions.get(c).verdict() != SequentialDesign.Verdict.CONTINUE);
  }

  private static List<CellOutcome> outcomes(
      List<CellSeeds> cells,
      Map<String, Integer> seeds,
      Map<String, SequentialDesign.Decision> decisions,
      Map<String, Stats.Welch> tests,
      Set<String> open) {
    List<CellOutcome> outcomes = new ArrayList<>();
    for (CellSeeds cell : cells) {
      SequentialDesign.Decision decision = decisions.get(cell.cell());
      Stop stop;
      if (open.contains(cell.cell())) {
        stop = Stop.OPEN;
      } else if (decision == null) {
        stop = Stop.BASELINE;
      } else {
        stop =
            decision.verdict() == SequentialDesign.Verdict.UNDECIDED
                ? Stop.UNDECIDED_AT_MAX
                : Stop.DECIDED;
      }
      outcomes.add(
          new CellOutcome(
              cell.cell(),
              cell.baseline(),
              seeds.getOrDefault(cell.cell(), 0),
              stop,
              decision,
              tests.get(cell.cell())));
    }
    return outcomes;
  }
}
