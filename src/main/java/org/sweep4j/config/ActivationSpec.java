package org.sweep4j.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An activation with all of its parameters resolved (defaults filled in), e.g. {@code
 * leaky_relu(alpha=0.2)}. Two specs with the same name and parameters are the same grid point.
 */
public record ActivationSpec(ActivationName name, Map<String, String> params) {

  public ActivationSpec {
    if (name == null) {
      throw new IllegalArgumentException("activation name is null");
    }
    Map<String, String> resolved = new TreeMap<>();
    List<String> known = name.params().stream().map(ParamDef::name).toList();
    for (String key : params.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "activation "
                + name.label()
                + " has no parameter '"
                + key
                + "' (valid: "
                + (known.isEmpty() ? "none" : String.join(", ", known))
                + ")");
      }
    }
    for (ParamDef def : name.params()) {
      Object raw = params.getOrDefault(def.name(), def.defaultValue());
      resolved.put(def.name(), def.canonicalize(raw));
    }
    params = Map.copyOf(resolved);
  }

  /** The activation with its default parameters. */
  public static ActivationSpec of(ActivationName name) {
    return new ActivationSpec(name, Map.of());
  }

  /** Parses {@code name} or {@code name(key=value, ...)}, the form {@link #label()} prints. */
  public static ActivationSpec parse(String text) {
    String trimmed = text.trim();
    int open = trimmed.indexOf('(');
    if (open < 0) {
      return of(ActivationName.parse(trimmed));
    }
    if (!trimmed.endsWith(")")) {
      throw new IllegalArgumentException("activation '" + text + "' lacks a closing ')'");
    }
    Map<String, String> params = new TreeMap<>();
    String inside = trimmed.substring(open + 1, trimmed.length() - 1);
    for (String pair : inside.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "activation '" + text + "': expected key=value, found '" + pair + "'");
      }
      params.put(kv[0].trim(), kv[1].trim());
    }
    return new ActivationSpec(ActivationName.parse(trimmed.substring(0, open)), params);
  }

  public double number(String key) {
    return Double.parseDouble(param(key));
  }

  public String param(String key) {
    String value = params.get(key);
    if (value == null) {
      throw new IllegalArgumentException("activation " + name.label() + " has no parameter " + key);
    }
    return value;
  }

  /**
   * {@code relu}, or with parameters that differ from the defaults {@code leaky_relu(alpha=0.2)}:
   * the name shown in tables and reports.
   */
  public String label() {
    String changed =
        name.params().stream()
            .filter(def -> !def.defaultValue().equals(params.get(def.name())))
            .map(def -> def.name() + "=" + params.get(def.name()))
            .collect(Collectors.joining(","));
    return changed.isEmpty() ? name.label() : name.label() + "(" + changed + ")";
  }

  /** Name and every parameter, defaults included: the form that goes into trial ids. */
  public String canonical() {
    if (params.isEmpty()) {
      return name.label();
    }
    return name.label()
        + new TreeMap<>(params)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "(", ")"));
  }

  @Override
  public String toString() {
    return label();
  }
}
