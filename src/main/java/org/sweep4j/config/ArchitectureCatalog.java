package org.sweep4j.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the architectures: the top-level classes of {@value #PACKAGE}, named by their file names
 * ({@code SmallCnn.class} → {@code small_cnn}). Class files are listed, not loaded, so job files
 * are validated without DL4J, and a new architecture needs no registration anywhere.
 */
final class ArchitectureCatalog {
  static final String PACKAGE = "org.sweep4j.model.architectures";
  private static final String FOLDER = PACKAGE.replace('.', '/') + "/";

  /** Architecture name → fully qualified class name, sorted by name. */
  private static final Map<String, String> CLASSES = scan();

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

  private static Map<String, String> scan() {
    Map<String, String> classes = new TreeMap<>();
    try {
      // Every class-path root holding the package (directories, and jars that list their
      // folders)...
      ClassLoader loader = ArchitectureCatalog.class.getClassLoader();
      for (Enumeration<URL> roots = loader.getResources(FOLDER); roots.hasMoreElements(); ) {
        URL root = roots.nextElement();
        if (root.getProtocol().equals("jar")) {
          JarURLConnection connection = (JarURLConnection) root.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            listJar(jar, classes);
          }
        } else if (root.getProtocol().equals("file")) {
          listDirectory(Path.of(root.toURI()), classes);
        }
      }
      // ...and sweep4j's own jar, in case it was built without folder entries.
      Path own =
          Path.of(
              ArchitectureCatalog.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      if (Files.isRegularFile(own)) {
        try (JarFile jar = new JarFile(own.toFile())) {
          listJar(jar, classes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the architectures in " + PACKAGE, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the architectures in " + PACKAGE, e);
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException("no architectures found in " + PACKAGE);
    }
    return Map.copyOf(classes);
  }

  private static void listDirectory(Path folder, Map<String, String> classes) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      files.map(f -> f.getFileName().toString()).forEach(file -> add(classes, file));
    }
  }

  private static void listJar(JarFile jar, Map<String, String> classes) {
    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
      String entry = entries.nextElement().getName();
      if (entry.startsWith(FOLDER) && entry.indexOf('/', FOLDER.length()) < 0) {
        add(classes, entry.substring(FOLDER.length()));
      }
    }
  }

  private static void add(Map<String, String> classes, String file) {
    if (file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class")) {
      String simple = file.substring(0, file.length() - ".class".length());
      classes.put(nameOf(simple), PACKAGE + "." + simple);
    }
  }
}
