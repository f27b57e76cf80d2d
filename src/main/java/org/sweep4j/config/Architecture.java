package org.sweep4j.config;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A network a grid can name: one of the classes in {@code org.sweep4j.model.architectures} (see
 * {@link ArchitectureCatalog}), e.g. {@code small_cnn} for {@code SmallCnn}.
 */
public record Architecture(String name) implements Comparable<Architecture> {

  public Architecture {
    if (name == null || !ArchitectureCatalog.classes().containsKey(name)) {
      throw new IllegalArgumentException(
          "unknown architecture '"
              + name
              + "' (valid: "
              + String.join(", ", new TreeSet<>(ArchitectureCatalog.classes().keySet()))
              + ")");
    }
  }

  /** Reads a job file's name for an architecture (case-insensitive, '-' read as '_'). */
  public static Architecture parse(String text) {
    try {
      return new Architecture(
          text == null ? null : text.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage()
              .replace(
                  "'" + text.trim().toLowerCase(Locale.ROOT).replace('-', '_') + "'",
                  "'" + text + "'"),
          e);
    }
  }

  /** Every architecture, by name. */
  public static List<Architecture> all() {
    return ArchitectureCatalog.classes().keySet().stream().sorted().map(Architecture::new).toList();
  }

  /** The name used in job files and tables. */
  public String label() {
    return name;
  }

  /** The class that lays out this architecture's layers. */
  public String className() {
    return ArchitectureCatalog.classes().get(name);
  }

  @Override
  public int compareTo(Architecture other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
