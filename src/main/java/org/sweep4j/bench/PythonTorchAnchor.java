package org.sweep4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sweep4j.config.Architecture;

/**
 * The PyTorch of a Python install ({@code torch_anchor.py}, shipped in the jar): the {@code
 * SWEEP4J_PYTHON} environment variable if set, else Debian's {@code /usr/bin/python3} (where {@code
 * apt-get install python3-torch} puts PyTorch 1.13, built with the reference BLAS), else {@code
 * python3} on the PATH.
 */
final class PythonTorchAnchor extends Anchor {
  private static final String SCRIPT = "torch_anchor.py";

  private final String python;
  private final Path script;

  private PythonTorchAnchor(String python, String version, Path script, PrintStream out) {
    super(out, version);
    this.python = python;
    this.script = script;
  }

  /** The anchor, or empty (and a line saying why) when no Python here imports torch. */
  static Optional<PythonTorchAnchor> find(PrintStream out) {
    List<String> candidates = new ArrayList<>();
    String configured = System.getenv("SWEEP4J_PYTHON");
    if (configured != null && !configured.isBlank()) {
      candidates.add(configured);
    } else {
      candidates.add("/usr/bin/python3");
      candidates.add("python3");
    }
    for (String python : candidates) {
      Optional<String> version = torchVersion(python);
      if (version.isPresent()) {
        return Optional.of(new PythonTorchAnchor(python, version.get(), extractScript(), out));
      }
    }
    out.println(
        "torch (Python): no Python with torch found (tried "
            + String.join(", ", candidates)
            + "; on Debian: apt-get install -y python3-torch, or set SWEEP4J_PYTHON); its ratios"
            + " skipped");
    return Optional.empty();
  }

  /** {@code 1.13.0}, without a pre-release or local suffix ({@code a0}, {@code +cpu}). */
  private static Optional<String> torchVersion(String python) {
    try {
      Process p =
          new ProcessBuilder(
                  python,
                  "-c",
                  "import re, torch; print(re.match(r'[0-9.]*[0-9]', torch.__version__).group(0))")
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        return Optional.empty();
      }
      String[] lines = output.strip().split("\n");
      return Optional.of(lines[lines.length - 1].strip());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Path extractScript() {
    try (InputStream in = PythonTorchAnchor.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the sweep4j jar");
      }
      Path file = Files.createTempFile("sweep4j-torch-anchor-", ".py");
      file.toFile().deleteOnExit();
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + SCRIPT + ": " + e.getMessage(), e);
    }
  }

  @Override
  List<String> command(
      BenchSettings settings, Architecture architecture, Path records, int threads) {
    List<String> command = new ArrayList<>(List.of(python, script.toString()));
    command.addAll(arguments(settings, architecture, records, threads));
    return command;
  }
}
