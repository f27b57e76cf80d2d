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
    Map<List<Object>, List<Double>> values = new LinkedHashMap<>();
    List<String> layerOrder = new ArrayList<>();
    for (LayerStatRow row : rows) {
      TrialRow trial = byId.get(row.trialId());
      if (trial == null
          || row.epoch() != lastEpoch.get(row.trialId())
          || Double.isNaN(row.value())) {
        continue;
      }
      if (!layerOrder.contains(row.layer())) {
        layerOrder.add(row.layer());
      }
      values
          .computeIfAbsent(
              List.of(
                  trial.settings().architecture(),
                  Comparison.cellLabel(trial, varying),
                  row.layer(),
                  row.measure()),
              k -> new ArrayList<>())
          .add(row.value());
    }
    List<LayerStatSummary> summaries = new ArrayList<>();
    values.forEach(
        (key, list) ->
            summaries.add(
                new LayerStatSummary(
                    (String) key.get(0),
                    (String) key.get(1),
                    (String) key.get(2),
                    (LayerMeasure) key.get(3),
                    Stats.mean(list),
                    list.size())));
    summaries.sort(
        Comparator.comparing(LayerStatSummary::architecture)
            .thenComparing(LayerStatSummary::activation)
            .thenComparing(s -> layerRank(s.layer()))
            .thenComparing(LayerStatSummary::measure));
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
