package org.sweep4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A sweep driver in a JVM of its own, its console in a log file: {@code sweep4j run} started here
 * on this test JVM's class path (local mode), or a spark-submitted one the cluster tests watch. A
 * test can wait for a line, kill it with SIGKILL the way a crash or an impatient user would, and
 * run the same command again.
 */
public final class DriverProcess {
  private final Process process;
  private final Path log;

  private DriverProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Watches a driver something else started, whose console goes to {@code log}. */
  public static DriverProcess watch(Process process, Path log) {
    return new DriverProcess(process, log);
  }

  static DriverProcess start(Path log, String... runArgs) throws IOException {
    return start(log, List.of(), runArgs);
  }

  /** As {@link #start(Path, String...)}, with extra JVM options such as system properties. */
  static DriverProcess start(Path log, List<String> jvmOptions, String... runArgs)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx1500m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dorg.deeplearning4j.spark.time.TimeSource=org.deeplearning4j.spark.time.SystemClockTimeSource"));
    command.addAll(
        List.of(Files.readString(Path.of("conf/java17-opens.txt")).strip().split("\\s+")));
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run"));
    command.addAll(List.of(runArgs));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    return new DriverProcess(builder.start(), log);
  }

  /**
   * Waits until the console shows {@code text}; fails if the driver ends first or {@code limit}
   * passes.
   */
  public void awaitOutput(String text, Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
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
    throw new AssertionError("no \"" + text + "\" within " + limit + ":\n" + output());
  }

  /** SIGKILL: no shutdown hooks, no finally blocks. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Sends a signal by name, e.g. {@code INT} (Ctrl-C) or {@code TERM}. */
  public void signal(String name) throws IOException, InterruptedException {
    int status =
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
    if (status != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " exited with " + status);
    }
  }

  /** Waits for the driver to end and returns its exit code. */
  public int finish(Duration limit) throws IOException, InterruptedException {
    if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("driver did not end within " + limit + ":\n" + output());
    }
    return process.exitValue();
  }

  public String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
