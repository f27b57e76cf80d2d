package org.sweep4j.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The axes whose product is the sweep: activations × architectures × augmentations × seeds. */
public record GridSpec(List<ActivationSpec> activations, List<Architecture> architectures, List<Long> seeds,
    List<Augmentation> augmentations) {

  /** A grid without augmentation. */
  public GridSpec(List<ActivationSpec> activations, List<Architecture> architectures, List<Long> seeds) {
    this(activations, architectures, seeds, List.of(Augmentation.NONE));
  }

  public GridSpec {
    augmentations = List.copyOf(augmentations);
    requireDistinctNonEmpty("grid.augmentations", augmentations);
    activations = List.copyOf(activations);
    architectures = List.copyOf(architectures);
    seeds = List.copyOf(seeds);
    requireDistinctNonEmpty("grid.activations", activations);
    requireDistinctNonEmpty("grid.architectures", architectures);
    requireDistinctNonEmpty("grid.seeds", seeds);
  }

  private static void requireDistinctNonEmpty(String key, List<?> values) {
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
    return activations.size() * architectures.size() * seeds.size() * augmentations.size();
  }
}
