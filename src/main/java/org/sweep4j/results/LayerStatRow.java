package org.sweep4j.results;

/**
 * One diagnostic of one layer after one epoch of one trial (the {@code layer_stats} table).
 *
 * @param layer the layer's index in the network and its kind, e.g. {@code "03 conv"}: sorts in
 *     network order
 */
public record LayerStatRow(
    String trialId, int epoch, String layer, LayerMeasure measure, double value) {

  public static final Schema<LayerStatRow> SCHEMA =
      Schema.<LayerStatRow>table("layer_stats")
          .string("trial_id", LayerStatRow::trialId)
          .integer("epoch", LayerStatRow::epoch)
          .string("layer", LayerStatRow::layer)
          .string("measure", r -> r.measure().label())
          .number("value", LayerStatRow::value)
          .readBy(
              v ->
                  new LayerStatRow(
                      v.string("trial_id"),
                      v.integer("epoch"),
                      v.string("layer"),
                      LayerMeasure.parse(v.string("measure")),
                      v.number("value")));

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
}
