package org.sweep4j.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One task as Spark's event log records it: which executor ran it, from when to when (epoch
 * milliseconds).
 */
record TaskSpan(String executor, long launched, long finished) {
  /** Every ended task in the event logs of {@code directory}. */
  static List<TaskSpan> fromEventLog(Path directory) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<TaskSpan> tasks = new ArrayList<>();
    try (Stream<Path> logs = Files.list(directory)) {
      for (Path log : logs.toList()) {
        for (String line : Files.readAllLines(log)) {
          JsonNode event = json.readTree(line);
          if (event.path("Event").asText().equals("SparkListenerTaskEnd")) {
            JsonNode info = event.path("Task Info");
            tasks.add(
                new TaskSpan(
                    info.path("Executor ID").asText(),
                    info.path("Launch Time").asLong(),
                    info.path("Finish Time").asLong()));
          }
        }
      }
    }
    return tasks;
  }

  /** When the last executor to start a task started its first. */
  static long firstLaunchOfLast(List<TaskSpan> tasks) {
    return tasks.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                TaskSpan::executor,
                java.util.stream.Collectors.summarizingLong(TaskSpan::launched)))
        .values()
        .stream()
        .mapToLong(java.util.LongSummaryStatistics::getMin)
        .max()
        .orElseThrow();
  }

  /** When the first executor to finish its last task finished it. */
  static long lastFinishOfFirst(List<TaskSpan> tasks) {
    return tasks.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                TaskSpan::executor,
                java.util.stream.Collectors.summarizingLong(TaskSpan::finished)))
        .values()
        .stream()
        .mapToLong(java.util.LongSummaryStatistics::getMax)
        .min()
        .orElseThrow();
  }

  /** The tasks cut to {@code [from, to]}; tasks outside it are dropped. */
  static List<TaskSpan> clip(List<TaskSpan> tasks, long from, long to) {
    return tasks.stream()
        .filter(t -> t.finished() > from && t.launched() < to)
        .map(
            t ->
                new TaskSpan(
                    t.executor(), Math.max(from, t.launched()), Math.min(to, t.finished())))
        .toList();
  }

  /** Milliseconds during which at least {@code n} of the tasks ran at once. */
  static long timeWithAtLeast(int n, List<TaskSpan> tasks) {
    TreeMap<Long, Integer> changes = new TreeMap<>();
    for (TaskSpan task : tasks) {
      changes.merge(task.launched(), 1, Integer::sum);
      changes.merge(task.finished(), -1, Integer::sum);
    }
    long total = 0;
    int running = 0;
    Long since = null;
    for (var change : changes.entrySet()) {
      if (running >= n) {
        total += change.getKey() - since;
      }
      running += change.getValue();
      since = change.getKey();
    }
    return total;
  }
}
