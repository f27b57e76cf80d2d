package org.sweep4j.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an activation as a job file writes it. */
final class ActivationParser {
  private ActivationParser() {}

  /**
   * {@code relu}, {@code leaky_relu(alpha=0.2)} or the mapping {@code {leaky_relu: {alpha: 0.2}}}.
   */
  static ActivationSpec parse(Object item) {
    if (item instanceof Map<?, ?> map) {
      if (map.size() != 1) {
        throw new IllegalArgumentException(
            "an activation with parameters is written {name: {param: value}}, found " + map);
      }
      Map.Entry<?, ?> entry = map.entrySet().iterator().next();
      Map<String, Object> rawParams = new LinkedHashMap<>();
      if (entry.getValue() instanceof Map<?, ?> params) {
        params.forEach((k, v) -> rawParams.put(String.valueOf(k), v));
      } else if (entry.getValue() != null) {
        throw new IllegalArgumentException(
            "parameters of "
                + entry.getKey()
                + " must be a mapping, found "
                + YamlSection.describe(entry.getValue()));
      }
      ActivationName name = ActivationName.parse(String.valueOf(entry.getKey()));
      Map<String, String> params = new LinkedHashMap<>();
      rawParams.forEach((k, v) -> params.put(k, String.valueOf(v)));
      return new ActivationSpec(name, params);
    }
    return ActivationSpec.parse(String.valueOf(item));
  }
}
