package org.sweep4j.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sweep's grid: its points (combinations of activation, architecture and every other setting
 * that varies) × its seeds. A job file makes the points as the product of every list it gives, or
 * as the union of its explicit combinations, minus its exclusions.
 */
public record GridSpec(List<GridPoint> points, List<Long> seeds) {

  /**
   * A plain activation × architecture × augmentation product with one training and distribution
   * setting.
   */
  public static GridSpec product(
      List<ActivationSpec> activations,
      List<Architecture> architectures,
      List<Long> seeds,
      List<Augmentation> augmentations,
      TrainingSpec training,
      DistributionSpec distribution) {
    requireDistinctNonEmpty("grid.activations", activations);
    requireDistinctNonEmpty("grid.architectures", architectures);
    requireDistinctNonEmpty("grid.augmentations", augmentations);
    List<GridPoint> points = new ArrayList<>();
    for (Architecture architecture : architectures) {
      for (Augmentation augmentation : augmentations) {
        for (ActivationSpec activation : activations) {
          points.add(new GridPoint(activation, architecture, augmentation, training, distribution));
        }
      }
    }
    return new GridSpec(points, seeds);
  }

  public GridSpec {
    points = List.copyOf(points);
    seeds = List.copyOf(seeds);
    if (points.isEmpty()) {
      throw new IllegalArgumentException(
          "the grid has no points left (every combination is excluded)");
    }
    requireDistinctNonEmpty("grid.seeds", seeds);
    if (new HashSet<>(points).size() != points.size()) {
      throw new IllegalArgumentException("the grid holds a combination twice");
    }
  }

  static void requireDistinctNonEmpty(String key, List<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(key + " must list at least one value, found []");
    }
    Set<Object> seen = new HashSet<>();
    for (Object value : values) {
      if (!seen.add(value)) {
        throw new IllegalArgumentException(key + " lists " + value + " twice");
      }
    }
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

  /**
   * Every axis with its distinct values in grid order; the axes with more than one value are what
   * varies.
   */
  public Map<Axis, List<String>> axes() {
    Map<Axis, List<String>> axes = new EnumMap<>(Axis.class);
    for (Axis axis : Axis.values()) {
      Set<String> values = new LinkedHashSet<>();
      points.forEach(p -> values.add(axis.valueOf(p)));
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
