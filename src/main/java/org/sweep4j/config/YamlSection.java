package org.sweep4j.config;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a parsed YAML job file, with its dotted path, so that every error names the file,
 * the key and the bad value: {@code jobs/x.yaml: training.epochs: must be an integer, found 'ten'}.
 */
final class YamlSection {
  private final String file;
  private final String path;
  private final Map<String, Object> values;

  private YamlSection(String file, String path, Map<String, Object> values, Set<String> allowed) {
    this.file = file;
    this.path = path;
    this.values = values;
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        throw new JobFileException(
            file
                + ": "
                + qualified(key)
                + ": unknown key (valid keys"
                + (path.isEmpty() ? "" : " under " + path)
                + ": "
                + String.join(", ", new TreeSet<>(allowed))
                + ")");
      }
    }
  }

  static YamlSection root(String file, Object document, Set<String> allowed) {
    if (!(document instanceof Map<?, ?>)) {
      throw new JobFileException(
          file
              + ": expected a YAML mapping of keys such as sweep, grid, training; found "
              + describe(document));
    }
    return new YamlSection(file, "", stringKeys(file, "", (Map<?, ?>) document), allowed);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  boolean has(String key) {
    return values.get(key) != null;
  }

  /** The nested mapping under {@code key}; an empty one when the key is absent. */
  YamlSection section(String key, Set<String> allowed) {
    Object value = values.get(key);
    if (value == null) {
      return new YamlSection(file, qualified(key), Map.of(), allowed);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error(
          key,
          "expected a mapping of keys ("
              + String.join(", ", new TreeSet<>(allowed))
              + "), found "
              + describe(value));
    }
    return new YamlSection(file, qualified(key), stringKeys(file, qualified(key), map), allowed);
  }

  String string(String key, String fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw error(key, "expected a single value, found " + describe(value));
    }
    return String.valueOf(value);
  }

  String requiredString(String key) {
    String value = string(key, null);
    if (value == null || value.isBlank()) {
      throw error(key, "is required");
    }
    return value;
  }

  int integer(String key, int fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    return toInt(key, value);
  }

  int requiredInteger(String key) {
    if (!has(key)) {
      throw error(key, "is required");
    }
    return toInt(key, values.get(key));
  }

  double number(String key, double fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw error(key, "must be a number, found " + describe(value));
    }
  }

  /** The value as the YAML holds it (a map, a list, a scalar), or null when absent. */
  Object raw(String key) {
    return values.get(key);
  }

  /** A list; a single scalar is read as a list of one. */
  List<Object> list(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw error(key, "is required: list at least one value");
    }
    if (value instanceof List<?> list) {
      return List.copyOf(list.stream().map(v -> v == null ? (Object) "null" : v).toList());
    }
    if (value instanceof Map<?, ?>) {
      throw error(key, "expected a list, found " + describe(value));
    }
    return List.of(value);
  }

  JobFileException error(String key, String message) {
    return new JobFileException(file + ": " + qualified(key) + ": " + message);
  }

  String file() {
    return file;
  }

  String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private int toInt(String key, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      BigInteger number = new BigInteger(value.toString());
      if (number.bitLength() < Integer.SIZE) {
        return number.intValue();
      }
      throw error(
          key,
          String.format(
              java.util.Locale.ROOT,
              "%s is out of range: a whole number from %,d to %,d",
              value,
              Integer.MIN_VALUE,
              Integer.MAX_VALUE));
    }
    throw error(key, "must be a whole number, found " + describe(value));
  }

  static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping " + value;
    }
    if (value instanceof List<?>) {
      return "a list " + value;
    }
    return "'" + value + "'";
  }

  private static Map<String, Object> stringKeys(String file, String path, Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new JobFileException(
            file
                + ": "
                + (path.isEmpty() ? "" : path + ": ")
                + "key "
                + describe(entry.getKey())
                + " is not a name");
      }
      result.put(key, entry.getValue());
    }
    return result;
  }
}
