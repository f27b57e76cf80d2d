package org.sweep4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweep4j.results.LayerMeasure;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.TrialRow;

/**
 * A layer diagnostic of one architecture × activation cell after each finished trial's last epoch,
 * averaged over the seeds (NaN values, from a diverging network, are left out).
 */
public record LayerStatSummary(
    String architecture,
    String activation,
    String layer,
    LayerMeasure measure,
    double mean,
    int seeds) {

  /** By architecture, then activation, then the layers in network order, then measure. */
  private static final Comparator<LayerStatSummary> NETWORK_ORDER =
      Comparator.comparing(LayerStatSummary::architecture)
          .thenComparing(LayerStatSummary::activation)
          .thenComparing(s -> layerRank(s.layer()))
          .thenComparing(LayerStatSummary::measure);

  /** What one summary averages over seeds. */
  private record Key(String architecture, String activation, String layer, LayerMeasure measure) {}

  /**
   * Summaries in the order the layers appear in the network, for the trials given (finished ones).
   */
  static List<LayerStatSummary> of(
      List<LayerStatRow> rows, List<TrialRow> trials, List<Setting> varying) {
    Map<String, TrialRow> byId = new LinkedHashMap<>();
    trials.forEach(t -> byId.put(t.trialId(), t));
    Map<String, Integer> lastEpoch = new LinkedHashMap<>();
    for (LayerStatRow row : rows) {
      lastEpoch.merge(row.trialId(), row.epoch(), Math::max);
    }
    Map<Key, List<Double>> values = new LinkedHashMap<>();
    for (LayerStatRow row : rows) {
      TrialRow trial = byId.get(row.trialId());
      if (trial != null
          && row.epoch() == lastEpoch.get(row.trialId())
          && !Double.isNaN(row.value())) {
        Key key =
            new Key(
                trial.settings().architecture(),
                Comparison.cellLabel(trial, varying),
                row.layer(),
                row.measure());
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(row.value());
      }
    }
    List<LayerStatSummary> summaries = new ArrayList<>();
    values.forEach(
        (key, list) ->
            summaries.add(
                new LayerStatSummary(
                    key.architecture(),
                    key.activation(),
                    key.layer(),
                    key.measure(),
                    Stats.mean(list),
                    list.size())));
    summaries.sort(NETWORK_ORDER);
    return summaries;
  }

  /** Network order: convolutions, then dense layers, then the output, each by its number. */
  static int layerRank(String layer) {
    String digits = layer.replaceAll("\\D", "");
    int number = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    if (layer.startsWith("conv")) {
      return number;
    }
    return layer.startsWith("dense") ? 1_000 + number : 2_000 + number;
  }
}
