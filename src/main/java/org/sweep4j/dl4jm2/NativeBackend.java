package org.sweep4j.dl4jm2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Chooses ND4J's native library before ND4J loads: the oneDNN build for CPUs with AVX2 and FMA, the
 * generic build otherwise; both ship in the jar. A user's own {@code
 * -Dorg.bytedeco.javacpp.platform.extension} wins; {@code SWEEP4J_NATIVE=generic} forces the
 * generic build.
 */
public final class NativeBackend {
  /** JavaCPP's suffix for the native build to load, e.g. {@code -onednn-avx2}. */
  public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

  public static final String ONEDNN_AVX2 = "-onednn-avx2";

  private NativeBackend() {}

  /** Sets the properties (once, before the first ND4J call) and returns the chosen extension. */
  public static synchronized String select() {
    if (System.getProperty(EXTENSION_PROPERTY) == null) {
      boolean generic = "generic".equalsIgnoreCase(System.getenv("SWEEP4J_NATIVE"));
      System.setProperty(EXTENSION_PROPERTY, !generic && cpuHasAvx2() ? ONEDNN_AVX2 : "");
    }
    return System.getProperty(EXTENSION_PROPERTY);
  }

  /** The JVM options that make an executor choose as this JVM did. */
  public static String executorOptions() {
    return "-D" + EXTENSION_PROPERTY + "=" + select();
  }

  static boolean cpuHasAvx2() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (!System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).matches("amd64|x86_64")
        || !Files.isReadable(cpuinfo)) {
      return false;
    }
    try {
      List<String> lines = Files.readAllLines(cpuinfo);
      return lines.stream()
          .filter(l -> l.startsWith("flags"))
          .findFirst()
          .map(flags -> hasFlags(flags, "avx2", "fma"))
          .orElse(false);
    } catch (IOException e) {
      return false;
    }
  }

  static boolean hasFlags(String flagsLine, String... wanted) {
    List<String> flags =
        List.of(flagsLine.substring(flagsLine.indexOf(':') + 1).trim().split("\\s+"));
    for (String flag : wanted) {
      if (!flags.contains(flag)) {
        return false;
      }
    }
    return true;
  }
}
