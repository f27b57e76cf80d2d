package org.sweep4j.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sweep4j.cli.DriverProcess;

/**
 * A standalone master and workers on 127.0.0.1, driven through the scripts users run ({@code
 * jobs/cluster/start-cluster.sh}, {@code submit-sweep.sh}, {@code stop-cluster.sh}), on free ports
 * and with its state in a directory of its own, so a cluster a user left running is not disturbed.
 */
final class LocalCluster implements AutoCloseable {
  static final Path REPO = Path.of("").toAbsolutePath();

  private final Path stateDir;
  private final int masterPort;
  private final int uiPort;

  private LocalCluster(Path stateDir, int masterPort, int uiPort) {
    this.stateDir = stateDir;
    this.masterPort = masterPort;
    this.uiPort = uiPort;
  }

  static LocalCluster start(Path stateDir) throws IOException, InterruptedException {
    LocalCluster cluster = new LocalCluster(stateDir, freePort(), freePort());
    Process start = cluster.script("start-cluster.sh", List.of(), stateDir.resolve("start.log"));
    if (!start.waitFor(5, TimeUnit.MINUTES) || start.exitValue() != 0) {
      cluster.close();
      throw new IllegalStateException(
          "start-cluster.sh failed:\n" + Files.readString(stateDir.resolve("start.log")));
    }
    return cluster;
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /**
   * Starts {@code submit-sweep.sh JOB ARGS}, which execs into the driver; its console goes to
   * {@code log}.
   */
  DriverProcess submit(Path job, List<String> args, Path log) throws IOException {
    return submit(job, args, "", log);
  }

  /** The same, with more spark-submit options ({@code --conf key=value ...}). */
  DriverProcess submit(Path job, List<String> args, String submitOptions, Path log)
      throws IOException {
    List<String> all = new ArrayList<>(List.of(job.toString()));
    all.addAll(args);
    Process process =
        script("submit-sweep.sh", all, log, Map.of("SWEEP4J_SUBMIT_OPTIONS", submitOptions));
    return DriverProcess.watch(process, log);
  }

  /** SIGKILLs a worker and, with it, the executors it launched (they share its process group). */
  void killWorker(int index) throws IOException, InterruptedException {
    String name = "worker-" + index;
    for (String line : Files.readAllLines(stateDir.resolve("pids"))) {
      String[] parts = line.split(" ");
      if (parts[0].equals(name)) {
        Process kill =
            new ProcessBuilder("kill", "-KILL", "--", "-" + parts[1]).inheritIO().start();
        if (kill.waitFor() != 0) {
          throw new IllegalStateException(
              "cannot kill " + name + " (process group " + parts[1] + ")");
        }
        return;
      }
    }
    throw new IllegalStateException("no " + name + " in " + stateDir.resolve("pids"));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Process stop = script("stop-cluster.sh", List.of(), stateDir.resolve("stop.log"));
    if (!stop.waitFor(1, TimeUnit.MINUTES)) {
      stop.destroyForcibly();
      throw new IllegalStateException("stop-cluster.sh did not finish within a minute");
    }
  }

  private Process script(String name, List<String> args, Path log) throws IOException {
    return script(name, args, log, Map.of());
  }

  private Process script(
      String name, List<String> args, Path log, Map<String, String> extraEnvironment)
      throws IOException {
    List<String> command =
        new ArrayList<>(List.of("bash", REPO.resolve("jobs/cluster/" + name).toString()));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SWEEP4J_CLUSTER_DIR", stateDir.toString());
    env.put("SPARK_MASTER_PORT", Integer.toString(masterPort));
    env.put("SPARK_MASTER_WEBUI_PORT", Integer.toString(uiPort));
    env.put("SWEEP4J_WORKERS", "2");
    env.put("SWEEP4J_WORKER_CORES", "1");
    env.putAll(extraEnvironment);
    return builder.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
