package org.sweep4j.dl4jm2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which libnd4jcpu this JVM loaded, read from {@code /proc/self/maps}, for test reports: the
 * fast-path tests run once on each native build.
 */
final class LoadedNativeBuild {
  private LoadedNativeBuild() {}

  /** E.g. "linux-x86_64-onednn-avx2" or "linux-x86_64"; "unknown" off Linux. */
  static String describe() {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .filter(line -> line.endsWith("/libnd4jcpu.so"))
          .map(line -> Path.of(line.substring(line.indexOf('/'))).getParent().getFileName())
          .map(Path::toString)
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
