package org.sweep4j.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a job file's {@code search} section and the distributions settings may be given instead of
 * lists ({@code learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}}). A search needs at least one
 * distribution, and a distribution needs a search; every error names the file, the key and the
 * value.
 */
final class SearchParser {
  static final Set<String> KEYS = Set.of("method", "samples", "seed");

  private SearchParser() {}

  /** The search, or null when the job has none (and no distribution). */
  static SearchSpec parse(YamlSection search, List<SampledSetting> sampled) {
    boolean given = !search.isEmpty();
    if (!given && sampled.isEmpty()) {
      return null;
    }
    if (!given) {
      throw search.error(
          "method",
          "is required: "
              + sampled.get(0).axis().label()
              + " is given a distribution, so the job needs search: {method: random | sobol,"
              + " samples: N, seed: S}");
    }
    SearchSpec.Method method =
        JobFileParser.choice(
            search, "method", () -> SearchSpec.Method.parse(search.requiredString("method")));
    int samples = search.requiredInteger("samples");
    long seed = search.integer("seed", 1);
    return JobFileParser.build(search, () -> new SearchSpec(method, samples, seed, sampled));
  }

  /** A setting's distribution: a mapping of one distribution name to its values. */
  static SampledSetting distribution(YamlSection section, String key, Axis axis, Map<?, ?> map) {
    if (map.size() != 1) {
      throw section.error(
          key,
          "a distribution is one of {uniform: [low, high]}, {log_uniform: [low, high]} or"
              + " {choice: [a, b, ...]}, found "
              + YamlSection.describe(map));
    }
    Map.Entry<?, ?> entry = map.entrySet().iterator().next();
    SampledSetting.Distribution distribution =
        JobFileParser.choice(
            section, key, () -> SampledSetting.Distribution.parse(String.valueOf(entry.getKey())));
    List<Double> values = new ArrayList<>();
    List<?> raw = entry.getValue() instanceof List<?> list ? list : List.of();
    if (raw.isEmpty() && distribution != SampledSetting.Distribution.CHOICE) {
      throw section.error(
          key,
          distribution.label()
              + " takes [low, high], found "
              + YamlSection.describe(entry.getValue()));
    }
    for (Object value : raw) {
      if (!(value instanceof Number number)) {
        throw section.error(
            key, distribution.label() + " takes numbers, found " + YamlSection.describe(value));
      }
      values.add(number.doubleValue());
    }
    return JobFileParser.choice(section, key, () -> new SampledSetting(axis, distribution, values));
  }
}
