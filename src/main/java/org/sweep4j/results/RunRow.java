package org.sweep4j.results;

import java.time.Instant;

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
 * @param interrupted trials a signal stopped mid-training; null in runs recorded before it was
 * @param stoppedBy the signal that stopped the run ({@code SIGINT}, {@code SIGTERM}), else null
 * @param seedDesign the design of the sweep's adaptive seeds, which the report replays to say why
 *     each cell stopped getting seeds; null for a sweep with listed seeds
 * @param pruningDesign the sweep's pruning, which the report replays to show the evidence at each
 *     rung; null for none
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
    String driverHost,
    Integer interrupted,
    String stoppedBy,
    SeedDesign seedDesign,
    PruningDesign pruningDesign) {

  /** How points were pruned: the rung epochs, the fraction kept, the metric and the level. */
  public record PruningDesign(String rungs, double keep, String metric, double alpha) {}

  /**
   * How seeds were added: looks at start, start + step, … up to max seeds per cell, at level alpha,
   * each cell against the baseline activation trained alike, equivalence within ±minDifference.
   */
  public record SeedDesign(
      int start, int step, int max, double alpha, double minDifference, String baseline) {}

  public static final Schema<RunRow> SCHEMA =
      Schema.<RunRow>table("runs")
          .string("run_id", RunRow::runId)
          .string("sweep", RunRow::sweep)
          .timestamp("started_at", RunRow::startedAt)
          .timestamp("finished_at", RunRow::finishedAt)
          .string("spark_master", RunRow::sparkMaster)
          .integer("slots", RunRow::slots)
          .integer("finished", RunRow::finished)
          .integer("diverged", RunRow::diverged)
          .integer("failed", RunRow::failed)
          .integer("skipped", RunRow::skipped)
          .integer("left_to_others", RunRow::leftToOthers)
          .integer("over_budget", RunRow::overBudget)
          .longInt("images_trained", RunRow::imagesTrained)
          .number("images_per_second", RunRow::imagesPerSecond)
          .number("slot_utilisation", RunRow::slotUtilisation)
          .number("cpu_utilisation", RunRow::cpuUtilisation)
          .string("driver_host", RunRow::driverHost)
          .integer("interrupted", RunRow::interrupted)
          .addedLater()
          .string("stopped_by", RunRow::stoppedBy)
          .addedLater()
          .integer("adaptive_start", r -> r.seedDesign == null ? null : r.seedDesign.start())
          .addedLater()
          .integer("adaptive_step", r -> r.seedDesign == null ? null : r.seedDesign.step())
          .addedLater()
          .integer("adaptive_max", r -> r.seedDesign == null ? null : r.seedDesign.max())
          .addedLater()
          .number("adaptive_alpha", r -> r.seedDesign == null ? null : r.seedDesign.alpha())
          .addedLater()
          .number(
              "adaptive_min_difference",
              r -> r.seedDesign == null ? null : r.seedDesign.minDifference())
          .addedLater()
          .string("adaptive_baseline", r -> r.seedDesign == null ? null : r.seedDesign.baseline())
          .addedLater()
          .string("pruning_rungs", r -> r.pruningDesign == null ? null : r.pruningDesign.rungs())
          .addedLater()
          .number("pruning_keep", r -> r.pruningDesign == null ? null : r.pruningDesign.keep())
          .addedLater()
          .string("pruning_metric", r -> r.pruningDesign == null ? null : r.pruningDesign.metric())
          .addedLater()
          .number("pruning_alpha", r -> r.pruningDesign == null ? null : r.pruningDesign.alpha())
          .addedLater()
          .readBy(
              v ->
                  new RunRow(
                      v.string("run_id"),
                      v.string("sweep"),
                      v.timestamp("started_at"),
                      v.timestamp("finished_at"),
                      v.string("spark_master"),
                      v.integer("slots"),
                      v.integer("finished"),
                      v.integer("diverged"),
                      v.integer("failed"),
                      v.integer("skipped"),
                      v.integer("left_to_others"),
                      v.integer("over_budget"),
                      v.longInt("images_trained"),
                      v.number("images_per_second"),
                      v.number("slot_utilisation"),
                      v.number("cpu_utilisation"),
                      v.string("driver_host"),
                      v.integer("interrupted"),
                      v.string("stopped_by"),
                      seedDesign(v),
                      pruningDesign(v)));

  private static PruningDesign pruningDesign(Schema.Values v) {
    String rungs = v.string("pruning_rungs");
    return rungs == null
        ? null
        : new PruningDesign(
            rungs, v.number("pruning_keep"), v.string("pruning_metric"), v.number("pruning_alpha"));
  }

  private static SeedDesign seedDesign(Schema.Values v) {
    Integer start = v.integer("adaptive_start");
    return start == null
        ? null
        : new SeedDesign(
            start,
            v.integer("adaptive_step"),
            v.integer("adaptive_max"),
            v.number("adaptive_alpha"),
            v.number("adaptive_min_difference"),
            v.string("adaptive_baseline"));
  }

  public RunRow {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("run_id is missing");
    }
    if (startedAt == null || finishedAt == null) {
      throw new IllegalArgumentException("run " + runId + ": start and finish times are required");
    }
  }
}
