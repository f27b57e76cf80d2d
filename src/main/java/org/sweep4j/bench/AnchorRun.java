package org.sweep4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one anchor run reported.
 *
 * @param build the PyTorch it ran: {@code torch 2.7.1 djl 0.36.0 mkl onednn}
 * @param work what it trained, as {@code key=value} pairs: {@code layers} (parameters per layer
 *     that has any), {@code batch}, {@code warmup}, {@code timed}, {@code threads}, {@code
 *     optimizer}
 * @param cpuPercent process CPU time over wall time × the threads it was given, in percent
 */
record AnchorRun(
    String build, Map<String, String> work, double imagesPerSecond, double cpuPercent) {
  AnchorRun {
    work = Map.copyOf(work);
  }

  /**
   * Reads the anchor protocol from a run's output: the {@code build} and {@code work} lines and the
   * last line, {@code torch <images/s> <cpu %>}; anything else is the library's chatter.
   */
  static AnchorRun parse(String output) {
    String build = null;
    Map<String, String> work = new LinkedHashMap<>();
    String[] lines = output.strip().split("\n");
    for (String line : lines) {
      if (line.startsWith("build ")) {
        build = line.substring("build ".length()).strip();
      } else if (line.startsWith("work ")) {
        for (String pair : line.substring("work ".length()).strip().split("\\s+")) {
          String[] kv = pair.split("=", 2);
          work.put(kv[0], kv.length == 2 ? kv[1] : "");
        }
      }
    }
    String[] last = lines[lines.length - 1].trim().split("\\s+");
    if (build == null || work.isEmpty() || last.length != 3 || !last[0].equals("torch")) {
      throw new IllegalStateException("unexpected output from a PyTorch anchor: " + output.strip());
    }
    return new AnchorRun(build, work, Double.parseDouble(last[1]), Double.parseDouble(last[2]));
  }

  /** The same run with the images/s and CPU use of all its side-by-side copies together. */
  AnchorRun withRate(double imagesPerSecond, double cpuPercent) {
    return new AnchorRun(build, work, imagesPerSecond, cpuPercent);
  }
}
