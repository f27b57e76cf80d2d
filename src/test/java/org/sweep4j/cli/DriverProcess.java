package org.sweep4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code sweep4j run} in a JVM of its own (this test JVM's class path, local mode), so a test can kill it with
 * SIGKILL the way a crash or an impatient user would, and run the same command again.
 */
final class DriverProcess {
  private final Process process;
  private final Path log;

  private DriverProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static DriverProcess start(Path log, String... runArgs) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1500m", "-XX:+ExitOnOutOfMemoryError",
        "-Dorg.deeplearning4j.spark.time.TimeSource=org.deeplearning4j.spark.time.SystemClockTimeSource"));
    command.addAll(List.of(Files.readString(Path.of("conf/java17-opens.txt")).strip().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run"));
    command.addAll(List.of(runArgs));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    return new DriverProcess(builder.start(), log);
  }

  /** Waits until the console shows {@code text}; fails if the driver ends first. */
  void awaitOutput(String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("driver ended before printing \"" + text + "\":\n" + output());
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("no \"" + text + "\" within 4 minutes:\n" + output());
  }

  /** SIGKILL: no shutdown hooks, no finally blocks. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits for the driver to end and returns its exit code. */
  int finish() throws IOException, InterruptedException {
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("driver did not end within 6 minutes:\n" + output());
    }
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
