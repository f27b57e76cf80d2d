package org.sweep4j.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the architectures: the classes listed in {@value #SERVICES} files on the class path (the
 * standard {@link java.util.ServiceLoader} registry, through which {@code ModelFactory}
 * instantiates them), named by their simple class names ({@code SmallCnn} → {@code small_cnn}). The
 * files are read, no class is loaded, so job files are validated without DL4J.
 */
final class ArchitectureCatalog {
  static final String SERVICES = "META-INF/services/org.sweep4j.model.NetworkArchitecture";

  /** Architecture name → fully qualified class name, sorted by name. */
  private static final Map<String, String> CLASSES = read();

  private ArchitectureCatalog() {}

  static Map<String, String> classes() {
    return CLASSES;
  }

  /** {@code SmallCnn} → {@code small_cnn}, {@code ResNet20} → {@code res_net20}. */
  static String nameOf(String simpleClassName) {
    return simpleClassName
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, String> read() {
    Map<String, String> classes = new TreeMap<>();
    try {
      Enumeration<URL> files = ArchitectureCatalog.class.getClassLoader().getResources(SERVICES);
      while (files.hasMoreElements()) {
        URL file = files.nextElement();
        try (InputStream in = file.openStream()) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          for (String line : text.split("\\R")) {
            add(classes, line.replaceAll("#.*", "").strip(), file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the architectures listed in " + SERVICES, e);
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException("no architectures listed in any " + SERVICES);
    }
    return Map.copyOf(classes);
  }

  private static void add(Map<String, String> classes, String className, URL file) {
    if (className.isEmpty()) {
      return;
    }
    String name = nameOf(className.substring(className.lastIndexOf('.') + 1));
    String earlier = classes.putIfAbsent(name, className);
    if (earlier != null && !earlier.equals(className)) {
      throw new IllegalStateException(
          file + " lists " + className + ", but " + earlier + " already has the name " + name);
    }
  }
}
