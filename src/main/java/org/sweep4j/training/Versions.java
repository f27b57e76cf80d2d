package org.sweep4j.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions baked into the jar at build time (Maven resource filtering). */
public final class Versions {
  private static final Properties BUILD = load();

  private Versions() {}

  public static String sweep4j() {
    return BUILD.getProperty("version", "unknown");
  }

  public static String dl4j() {
    return BUILD.getProperty("dl4j.version", "unknown");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/sweep4j.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Versions are informative only; a jar without the file still trains.
    }
    return properties;
  }
}
