package org.sweep4j.config;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job file's grid, as written: the values of every axis, the combinations that narrow them (each
 * is a product of its own; none: one product of all the values), the exclusions (axis → labels of
 * the values a point must not have together), the seeds (with adaptive seeds: every seed a cell may
 * get, and how they are added; else null), and the search that draws the settings given as
 * distributions (null: none). The grid stage expands it into points; {@code file} names it in the
 * messages of that expansion.
 */
public record GridSpec(
    AxisValues axes,
    List<AxisValues> combinations,
    List<Map<Axis, Set<String>>> exclusions,
    List<Long> seeds,
    AdaptiveSeeds adaptiveSeeds,
    SearchSpec search,
    String file) {

  public GridSpec {
    combinations = List.copyOf(combinations);
    exclusions = List.copyOf(exclusions);
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("grid.seeds must list at least one value, found []");
    }
    if (new HashSet<>(seeds).size() != seeds.size()) {
      throw new IllegalArgumentException("grid.seeds lists a seed twice");
    }
    if (adaptiveSeeds != null && !seeds.equals(adaptiveSeeds.seeds())) {
      throw new IllegalArgumentException("adaptive seeds are 1 to max, found " + seeds);
    }
  }

  /** Every activation the grid can use, in the order the job file first names them. */
  public List<ActivationSpec> activations() {
    Set<ActivationSpec> all = new LinkedHashSet<>(axes.activations());
    combinations.forEach(c -> all.addAll(c.narrowedBy(axes).activations()));
    return List.copyOf(all);
  }
}
