package org.sweep4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sweep4j.config.Architecture;

/**
 * A PyTorch build training the bench's network on the bench's records in processes of its own, so
 * its native libraries and thread pools never meet ND4J's. Every anchor program speaks one
 * protocol: a {@code build ...} line, a {@code work ...} line ({@link AnchorRun.Work}), optionally
 * {@code ready} (then it waits for a line on its input before timing), and last {@code torch
 * <images/s> <cpu %>}.
 *
 * <p>{@code single} runs one process on all the bench's threads; {@code trials} runs one process
 * per thread, one thread each, side by side as sweep4j's {@code trials} mode does, timed from when
 * every one has warmed up to when the last one finishes.
 */
abstract class Anchor {
  private static final long TIMEOUT_MINUTES = 30;

  protected final PrintStream out;
  private final String version;

  /**
   * @param version the PyTorch version it runs: {@code 2.7.1}
   */
  Anchor(PrintStream out, String version) {
    this.out = out;
    this.version = version;
  }

  /** How ratios name this anchor: {@code torch-2.7.1}. */
  final String name() {
    return "torch-" + version;
  }

  /** The command that trains {@code architecture} once on {@code threads} threads. */
  abstract List<String> command(
      BenchSettings settings, Architecture architecture, Path records, int threads);

  /**
   * The anchor programs' shared arguments: RECORDS ARCHITECTURE ACTIVATION BATCH WARMUP BATCHES
   * THREADS [PARAM=VALUE ...].
   */
  static List<String> arguments(
      BenchSettings settings, Architecture architecture, Path records, int threads) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                records.toString(),
                architecture.label(),
                settings.activation().name().label(),
                Integer.toString(settings.batchSize()),
                Integer.toString(settings.warmupBatches()),
                Integer.toString(settings.batches()),
                Integer.toString(threads)));
    settings.activation().params().forEach((key, value) -> arguments.add(key + "=" + value));
    return arguments;
  }

  /** Settings of the anchor's process beyond its command line. */
  void environment(Map<String, String> environment, int threads) {
    // PyTorch sizes its pools from these too; the anchor gets exactly the threads it is given.
    environment.put("OMP_NUM_THREADS", Integer.toString(threads));
    environment.put("MKL_NUM_THREADS", Integer.toString(threads));
  }

  /** One training on every thread of the bench; empty (with the reason printed) if it failed. */
  Optional<AnchorRun> single(BenchSettings settings, Architecture architecture, Path records) {
    return run(settings, architecture, records, 1, settings.threads());
  }

  /** One training per thread, one thread each, side by side; images/s counts all of them. */
  Optional<AnchorRun> trials(BenchSettings settings, Architecture architecture, Path records) {
    return run(settings, architecture, records, settings.threads(), 1);
  }

  private Optional<AnchorRun> run(
      BenchSettings settings, Architecture architecture, Path records, int copies, int threads) {
    List<Copy> running = new ArrayList<>();
    CountDownLatch warmedUp = new CountDownLatch(copies);
    try {
      for (int c = 0; c < copies; c++) {
        ProcessBuilder builder =
            new ProcessBuilder(command(settings, architecture, records, threads))
                .redirectErrorStream(true);
        environment(builder.environment(), threads);
        builder.environment().put("SWEEP4J_ANCHOR_BARRIER", copies > 1 ? "1" : "0");
        running.add(new Copy(builder.start(), warmedUp));
      }
      if (!warmedUp.await(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        return failed(architecture, "no copy warmed up in " + TIMEOUT_MINUTES + " min");
      }
      long start = System.nanoTime();
      if (copies > 1) {
        running.forEach(Copy::go);
      }
      List<AnchorRun> runs = new ArrayList<>();
      long end = start;
      for (Copy copy : running) {
        Optional<AnchorRun> done = copy.finish();
        if (done.isEmpty()) {
          return failed(architecture, copy.output());
        }
        runs.add(done.get());
        end = Math.max(end, copy.finishedAt);
      }
      if (copies == 1) {
        return Optional.of(runs.get(0));
      }
      double seconds = (end - start) / 1e9;
      double images = (double) copies * settings.batches() * settings.batchSize();
      double cpu = runs.stream().mapToDouble(AnchorRun::cpuPercent).average().orElse(Double.NaN);
      return Optional.of(runs.get(0).withRate(images / seconds, cpu));
    } catch (IOException e) {
      out.println(name() + ": cannot start the anchor: " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      running.forEach(Copy::destroy);
    }
  }

  private Optional<AnchorRun> failed(Architecture architecture, String why) {
    out.println(name() + ": the anchor failed for " + architecture.label() + ": " + why.strip());
    return Optional.empty(); // run's finally stops every copy
  }

  /** One anchor process: its output read as it comes, so {@code ready} can release the timing. */
  private static final class Copy {
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;
    private volatile long finishedAt;

    Copy(Process process, CountDownLatch warmedUp) {
      this.process = process;
      this.reader =
          new Thread(
              () -> read(warmedUp), "anchor-output-" + process.pid()); // one per copy, short-lived
      reader.setDaemon(true);
      reader.start();
    }

    private void read(CountDownLatch warmedUp) {
      boolean ready = false;
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("torch ")) {
            finishedAt = System.nanoTime();
          }
          synchronized (output) {
            output.append(line).append('\n');
          }
          if (!ready && (line.equals("ready") || line.startsWith("torch "))) {
            ready = true;
            warmedUp.countDown();
          }
        }
      } catch (IOException e) {
        synchronized (output) {
          output.append(e.getMessage());
        }
      } finally {
        if (!ready) {
          warmedUp.countDown(); // a copy that died must not keep the others waiting
        }
      }
    }

    /** Releases a copy waiting after its warm-up; one that died already shows in its exit. */
    void go() {
      try {
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
      } catch (IOException e) {
        synchronized (output) {
          output.append("cannot release it: ").append(e.getMessage()).append('\n');
        }
      }
    }

    Optional<AnchorRun> finish() throws InterruptedException {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
        return Optional.empty();
      }
      reader.join(TimeUnit.MINUTES.toMillis(1));
      try {
        return Optional.of(AnchorRun.parse(output()));
      } catch (IllegalStateException e) {
        return Optional.empty();
      }
    }

    String output() {
      synchronized (output) {
        return output.toString();
      }
    }

    void destroy() {
      process.destroyForcibly();
    }
  }
}
