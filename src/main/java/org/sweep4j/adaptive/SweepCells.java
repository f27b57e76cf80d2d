package org.sweep4j.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sweep4j.config.Axis;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.Grid;
import org.sweep4j.grid.GridExpander;
import org.sweep4j.grid.GridPoint;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.report.SeedLooks;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;

/**
 * A staged sweep's grid points as cells: each point's trials by seed index, its name in messages,
 * its baseline, and what the results directory records of them.
 */
final class SweepCells {
  private final List<GridPoint> points;
  private final List<TrialSpec> trials;
  private final List<String> keys = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> index;
  private final String[] baselines;

  SweepCells(JobSpec job, Grid grid) {
    points = grid.points();
    trials = GridExpander.expand(job, grid);
    List<Axis> shown =
        grid.varyingAxes().stream()
            .filter(a -> a != Axis.ARCHITECTURE && a != Axis.ACTIVATION)
            .toList();
    for (GridPoint point : points) {
      keys.add(point.describe(Arrays.asList(Axis.values())));
      names.add(
          point.architecture().label()
              + " "
              + point.activation().label()
              + (shown.isEmpty() ? "" : " " + point.describe(shown)));
    }
    index =
        java.util.stream.IntStream.range(0, keys.size())
            .boxed()
            .collect(Collectors.toMap(keys::get, Function.identity()));
    baselines = new String[points.size()];
    for (int i = 0; i < points.size(); i++) {
      baselines[i] = baselineOf(points.get(i), job.baseline());
    }
  }

  /** The point trained like {@code point} with the baseline activation, if any. */
  private String baselineOf(GridPoint point, String baseline) {
    if (point.activation().label().equals(baseline)) {
      return null;
    }
    for (GridPoint other : points) {
      if (other.activation().label().equals(baseline)
          && Arrays.stream(Axis.values())
              .filter(a -> a != Axis.ACTIVATION)
              .allMatch(a -> other.valueOf(a).equals(point.valueOf(a)))) {
        return keys.get(points.indexOf(other));
      }
    }
    return null;
  }

  /** The trial of point {@code p}'s seed index {@code s}: the expansion is seed-major. */
  TrialSpec trial(int p, int s) {
    return trials.get(s * points.size() + p);
  }

  List<SeedLooks.CellSeeds> recorded(JobSpec job) {
    Map<String, TrialRow> rows = rows(job);
    int seeds = trials.size() / points.size();
    List<SeedLooks.CellSeeds> cells = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      List<Double> finals = new ArrayList<>();
      for (int s = 0; s < seeds; s++) {
        finals.add(SeedLooks.finalValue(rows.get(trial(p, s).id())));
      }
      cells.add(new SeedLooks.CellSeeds(keys.get(p), baselines[p], finals));
    }
    return cells;
  }

  /** The unsettled trials the pending look needs. */
  List<TrialSpec> trialsFor(SeedLooks.Replay replay, JobSpec job) {
    Map<String, TrialRow> rows = rows(job);
    List<TrialSpec> stage = new ArrayList<>();
    for (int s = 0; s < replay.pendingLook(); s++) {
      for (int p = 0; p < points.size(); p++) {
        TrialSpec trial = trial(p, s);
        if (replay.pendingCells().contains(keys.get(p))
            && SeedLooks.finalValue(rows.get(trial.id())) == null) {
          stage.add(trial);
        }
      }
    }
    return stage;
  }

  boolean settled(List<TrialSpec> stage, JobSpec job) {
    Map<String, TrialRow> rows = rows(job);
    return stage.stream().allMatch(t -> SeedLooks.finalValue(rows.get(t.id())) != null);
  }

  String name(String key) {
    return names.get(index.get(key));
  }

  String names(Set<String> keys) {
    return keys.stream().map(this::name).collect(Collectors.joining("; "));
  }

  static Map<String, TrialRow> rows(JobSpec job) {
    ResultsStore store = ResultsStore.open(job.results());
    return store.hasTable(ResultsStore.TRIALS)
        ? store.readTrials().stream()
            .collect(Collectors.toMap(TrialRow::trialId, Function.identity(), (a, b) -> b))
        : Map.of();
  }

  List<TrialSpec> trials() {
    return trials;
  }

  int points() {
    return points.size();
  }

  int seeds() {
    return trials.size() / points.size();
  }

  String key(int p) {
    return keys.get(p);
  }
}
