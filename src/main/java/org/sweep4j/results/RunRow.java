package org.sweep4j.results;

import java.time.Instant;
import java.util.List;

/**
 * One run of {@code sweep4j run} (the {@code runs} table): when, where, what it did with the trials
 * it was given, and how well it used what it had.
 *
 * @param slots task slots when the run ended (executors × cores ÷ spark.task.cpus)
 * @param imagesPerSecond training images of the run over its wall time (scoring, recording and idle
 *     time included): what the user got
 * @param slotUtilisation Spark task time over the task slots integrated over the run's training
 *     (0..1); null when no slot existed
 * @param cpuUtilisation in local mode, this JVM's CPU time over cores × wall time (0..1); null on a
 *     cluster
 */
public record RunRow(
    String runId,
    String sweep,
    Instant startedAt,
    Instant finishedAt,
    String sparkMaster,
    int slots,
    int finished,
    int diverged,
    int failed,
    int skipped,
    int leftToOthers,
    int overBudget,
    long imagesTrained,
    double imagesPerSecond,
    Double slotUtilisation,
    Double cpuUtilisation,
    String driverHost) {

  public static final List<Column> COLUMNS =
      List.of(
          Column.string("run_id"),
          Column.string("sweep"),
          Column.timestamp("started_at"),
          Column.timestamp("finished_at"),
          Column.string("spark_master"),
          Column.integer("slots"),
          Column.integer("finished"),
          Column.integer("diverged"),
          Column.integer("failed"),
          Column.integer("skipped"),
          Column.integer("left_to_others"),
          Column.integer("over_budget"),
          Column.longInt("images_trained"),
          Column.number("images_per_second"),
          Column.number("slot_utilisation"),
          Column.number("cpu_utilisation"),
          Column.string("driver_host"));

  public RunRow {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("run_id is missing");
    }
    if (startedAt == null || finishedAt == null) {
      throw new IllegalArgumentException("run " + runId + ": start and finish times are required");
    }
  }

  Object[] values() {
    return new Object[] {
      runId,
      sweep,
      startedAt,
      finishedAt,
      sparkMaster,
      slots,
      finished,
      diverged,
      failed,
      skipped,
      leftToOthers,
      overBudget,
      imagesTrained,
      imagesPerSecond,
      slotUtilisation,
      cpuUtilisation,
      driverHost
    };
  }

  static RunRow fromValues(Object[] v) {
    return new RunRow(
        (String) v[0],
        (String) v[1],
        (Instant) v[2],
        (Instant) v[3],
        (String) v[4],
        (Integer) v[5],
        (Integer) v[6],
        (Integer) v[7],
        (Integer) v[8],
        (Integer) v[9],
        (Integer) v[10],
        (Integer) v[11],
        (Long) v[12],
        (Double) v[13],
        (Double) v[14],
        (Double) v[15],
        (String) v[16]);
  }
}
