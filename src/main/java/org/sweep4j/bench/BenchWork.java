package org.sweep4j.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.sweep4j.config.Architecture;
import org.sweep4j.model.ModelFactory;

/**
 * What sweep4j's bench trains, in the terms of the anchors' {@code work} line, so a ratio is only
 * printed against an anchor that did the same work: the same parameters per layer, batch, warm-up
 * and timed minibatches, threads, and Adam with the same settings.
 */
final class BenchWork {
  private BenchWork() {}

  static Map<String, String> of(BenchSettings settings, Architecture architecture, int threads) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(ModelFactory.build(settings.trial(architecture, 1)));
    network.init();
    List<String> layers = new ArrayList<>();
    Adam adam = null;
    for (Layer layer : network.getLayers()) {
      if (layer.numParams() > 0) {
        layers.add(Long.toString(layer.numParams()));
      }
      if (adam == null
          && layer.conf().getLayer() instanceof BaseLayer base
          && base.getIUpdater() instanceof Adam a) {
        adam = a;
      }
    }
    Map<String, String> work = new LinkedHashMap<>();
    work.put("layers", String.join(",", layers));
    work.put("batch", Integer.toString(settings.batchSize()));
    work.put("warmup", Integer.toString(settings.warmupBatches()));
    work.put("timed", Integer.toString(settings.batches()));
    work.put("threads", Integer.toString(threads));
    work.put(
        "optimizer",
        adam == null
            ? "not-adam"
            : String.format(
                Locale.ROOT,
                "adam(%s,%s,%s,%s)",
                number(adam.getLearningRate()),
                number(adam.getBeta1()),
                number(adam.getBeta2()),
                number(adam.getEpsilon())));
    return work;
  }

  /** Python's way of printing a float ({@code 0.001}, {@code 1e-07}), which both anchors use. */
  static String number(double value) {
    return Math.abs(value) < 1e-4
        ? String.format(Locale.ROOT, "%.0e", value)
        : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** {@code threads: sweep4j 2, anchor 1} for every key where the two differ; empty if none. */
  static String differences(Map<String, String> ours, Map<String, String> anchor) {
    return ours.entrySet().stream()
        .filter(e -> !e.getValue().equals(anchor.get(e.getKey())))
        .map(e -> e.getKey() + ": sweep4j " + e.getValue() + ", anchor " + anchor.get(e.getKey()))
        .collect(Collectors.joining("; "));
  }
}
