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
 * Runs the PyTorch anchor ({@code torch_anchor.py}, shipped in the jar) with a Python that has
 * torch: the {@code SWEEP4J_PYTHON} environment variable if set, else Debian's {@code
 * /usr/bin/python3} (where {@code apt-get install python3-torch} puts it), else {@code python3} on
 * the PATH.
 */
final class TorchAnchor {
  private static final String SCRIPT = "torch_anchor.py";
  private static final long TIMEOUT_MINUTES = 30;

  private final String python;
  private final Path script;
  private final PrintStream out;

  private TorchAnchor(String python, Path script, PrintStream out) {
    this.python = python;
    this.script = script;
    this.out = out;
  }

  /** The anchor, or empty (and a line saying why) when no Python here imports torch. */
  static Optional<TorchAnchor> find(PrintStream out) {
    List<String> candidates = new ArrayList<>();
    String configured = System.getenv("SWEEP4J_PYTHON");
    if (configured != null && !configured.isBlank()) {
      candidates.add(configured);
    } else {
      candidates.add("/usr/bin/python3");
      candidates.add("python3");
    }
    for (String python : candidates) {
      if (importsTorch(python)) {
        return Optional.of(new TorchAnchor(python, extractScript(), out));
      }
    }
    out.println(
        "torch: no Python with torch found (tried "
            + String.join(", ", candidates)
            + "; on Debian: apt-get install -y python3-torch, or set SWEEP4J_PYTHON); ratios skipped");
    return Optional.empty();
  }

  private static boolean importsTorch(String python) {
    try {
      Process p =
          new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path extractScript() {
    try (InputStream in = TorchAnchor.class.getResourceAsStream(SCRIPT)) {
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

  /**
   * Trains {@code architecture} in PyTorch on {@code records}; empty (with the reason printed) if
   * it cannot.
   */
  Optional<Measurement> measure(BenchSettings settings, Architecture architecture, Path records) {
    List<String> command =
        new ArrayList<>(
            List.of(
                python,
                script.toString(),
                records.toString(),
                architecture.label(),
                settings.activation().name().label(),
                Integer.toString(settings.batchSize()),
                Integer.toString(settings.warmupBatches()),
                Integer.toString(settings.batches()),
                Integer.toString(settings.threads())));
    settings.activation().params().forEach((key, value) -> command.add(key + "=" + value));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      // PyTorch sizes its pools from these too; the anchor gets exactly the single JVM's threads.
      builder.environment().put("OMP_NUM_THREADS", Integer.toString(settings.threads()));
      builder.environment().put("MKL_NUM_THREADS", Integer.toString(settings.threads()));
      Process p = builder.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || p.exitValue() != 0) {
        out.println("torch: the anchor failed for " + architecture.label() + ": " + output.strip());
        return Optional.empty();
      }
      return Optional.of(parse(architecture, output));
    } catch (IOException e) {
      out.println("torch: cannot run " + python + ": " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * The anchor's last line is {@code torch <images/s> <cpu %>}; anything before it is PyTorch's
   * chatter.
   */
  static Measurement parse(Architecture architecture, String output) {
    String[] lines = output.strip().split("\n");
    String[] fields = lines[lines.length - 1].trim().split("\\s+");
    if (fields.length != 3 || !fields[0].equals("torch")) {
      throw new IllegalStateException(
          "unexpected output from the PyTorch anchor: " + output.strip());
    }
    return new Measurement(
        architecture.label(),
        "torch",
        Double.parseDouble(fields[1]),
        Double.parseDouble(fields[2]));
  }
}
