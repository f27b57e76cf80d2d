package org.sweep4j.results;

import java.util.List;

/**
 * One diagnostic of one layer after one epoch of one trial (the {@code layer_stats} table).
 *
 * @param layer the layer's index in the network and its kind, e.g. {@code "03 conv"}: sorts in
 *     network order
 */
public record LayerStatRow(
    String trialId, int epoch, String layer, LayerMeasure measure, double value) {

  public static final List<Column> COLUMNS =
      List.of(
          Column.string("trial_id"),
          Column.integer("epoch"),
          Column.string("layer"),
          Column.string("measure"),
          Column.number("value"));

  public LayerStatRow {
    if (trialId == null || trialId.isBlank()) {
      throw new IllegalArgumentException("trial_id is missing");
    }
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be >= 1, found " + epoch);
    }
    if (layer == null || layer.isBlank()) {
      throw new IllegalArgumentException("layer is missing");
    }
    if (measure == null) {
      throw new IllegalArgumentException("measure is missing");
    }
    if (measure == LayerMeasure.DEAD_FRACTION && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("dead_fraction must be in [0, 1], found " + value);
    }
  }

  Object[] values() {
    return new Object[] {trialId, epoch, layer, measure.label(), value};
  }

  static LayerStatRow fromValues(Object[] v) {
    return new LayerStatRow(
        (String) v[0],
        (Integer) v[1],
        (String) v[2],
        LayerMeasure.parse((String) v[3]),
        (Double) v[4]);
  }
}
