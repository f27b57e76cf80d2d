package org.sweep4j.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sweep4j.config.Architecture;

/**
 * PyTorch's official CPU build (libtorch with MKL and oneDNN) through Deep Java Library: what a
 * Java user would pick instead of sweep4j, and what PyTorch users install. {@link DjlTorchTraining}
 * runs in a JVM of its own with DJL's jars from {@code target/torch-djl} ({@code mvn -Ptorch-djl
 * package}), or the directory {@code SWEEP4J_TORCH_DJL} names; nothing of it is in sweep4j.jar.
 */
final class DjlTorchAnchor extends Anchor {
  private static final Pattern NATIVE_JAR =
      Pattern.compile("pytorch-native-cpu-([0-9.]+)-linux-x86_64\\.jar");

  private final List<Path> jars;
  private final Path emptyLibraryPath;

  private DjlTorchAnchor(List<Path> jars, String version, PrintStream out) {
    super(out, version);
    this.jars = jars;
    try {
      // Debian's libtorch-dev puts libtorch 1.13 on the default library path, where DJL would
      // find it before the build it ships; the anchor's JVM looks nowhere.
      this.emptyLibraryPath = Files.createTempDirectory("sweep4j-torch-djl-");
      emptyLibraryPath.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  /** The anchor, or empty (and a line saying why) when DJL's PyTorch jars are not here. */
  static Optional<DjlTorchAnchor> find(PrintStream out) {
    Path dir = directory();
    List<Path> jars = jars(dir);
    Optional<String> version =
        jars.stream()
            .map(jar -> NATIVE_JAR.matcher(jar.getFileName().toString()))
            .filter(Matcher::matches)
            .map(m -> m.group(1))
            .findFirst();
    if (version.isEmpty()) {
      out.println(
          "torch (DJL): no pytorch-native-cpu jar in "
              + dir
              + " (mvn -Ptorch-djl package puts PyTorch 2.7.1 there, or set SWEEP4J_TORCH_DJL);"
              + " its ratios skipped");
      return Optional.empty();
    }
    return Optional.of(new DjlTorchAnchor(jars, version.get(), out));
  }

  /** {@code SWEEP4J_TORCH_DJL}, else {@code torch-djl} beside the sweep4j jar or classes. */
  private static Path directory() {
    String configured = System.getenv("SWEEP4J_TORCH_DJL");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return sweep4jCode().getParent().resolve("torch-djl");
  }

  private static List<Path> jars(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The jar (or classes directory) this class was loaded from: it holds the anchor's program. */
  private static Path sweep4jCode() {
    try {
      return Path.of(
              DjlTorchAnchor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate sweep4j's own code: " + e.getMessage(), e);
    }
  }

  @Override
  List<String> command(
      BenchSettings settings, Architecture architecture, Path records, int threads) {
    List<String> classPath = new ArrayList<>(jars.stream().map(Path::toString).toList());
    classPath.add(sweep4jCode().toString()); // after DJL's, so DJL's gson and JNA win
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=" + threads,
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-Djava.library.path=" + emptyLibraryPath,
                "-cp",
                String.join(File.pathSeparator, classPath),
                DjlTorchTraining.class.getName()));
    command.addAll(arguments(settings, architecture, records, threads));
    return command;
  }

  @Override
  void environment(Map<String, String> environment, int threads) {
    super.environment(environment, threads);
    environment.put("PYTORCH_FLAVOR", "cpu");
  }
}
