package org.sweep4j.grid;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.Augmentation;
import org.sweep4j.config.Axis;
import org.sweep4j.config.JobSpec;

/** A job's expanded grid: its points × its seeds. */
public record Grid(List<GridPoint> points, List<Long> seeds) {
  public Grid {
    points = List.copyOf(points);
    seeds = List.copyOf(seeds);
  }

  public static Grid of(JobSpec job) {
    return new Grid(GridPoints.expand(job.grid(), job.shared()), job.grid().seeds());
  }

  public int size() {
    return points.size() * seeds.size();
  }

  public List<ActivationSpec> activations() {
    return distinct(GridPoint::activation);
  }

  public List<Architecture> architectures() {
    return distinct(GridPoint::architecture);
  }

  public List<Augmentation> augmentations() {
    return distinct(GridPoint::augmentation);
  }

  /** Every axis with its distinct values in grid order; those with more than one vary. */
  public Map<Axis, List<String>> axes() {
    Map<Axis, List<String>> axes = new EnumMap<>(Axis.class);
    for (Axis axis : Axis.values()) {
      Set<String> values = new LinkedHashSet<>();
      points.forEach(p -> values.add(p.valueOf(axis)));
      axes.put(axis, List.copyOf(values));
    }
    return axes;
  }

  /** The axes with more than one value, in {@link Axis} order. */
  public List<Axis> varyingAxes() {
    return axes().entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .map(Map.Entry::getKey)
        .toList();
  }

  private <T> List<T> distinct(Function<GridPoint, T> part) {
    return List.copyOf(new LinkedHashSet<>(points.stream().map(part).toList()));
  }
}
