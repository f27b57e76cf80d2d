package org.sweep4j.training;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.JobSpec;
import org.sweep4j.data.CifarData;
import org.sweep4j.data.DataLoader;
import org.sweep4j.grid.GridExpander;
import org.sweep4j.grid.LargeGrid;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialClaims;
import org.sweep4j.results.TrialStatus;

/**
 * Runs a sweep: expands the grid, leaves alone trials the results directory already settles (with
 * {@code --resume}), loads the data once, cuts it into shard files, and trains the remaining trials
 * side by side on Spark's task slots ({@link TrialScheduler}), recording each as it ends ({@link
 * TrialAttempt}). A failing trial is recorded as failed and the sweep goes on; Ctrl-C or SIGTERM
 * stops it cleanly ({@link SweepInterrupt}). The run itself is recorded in the {@code runs} table:
 * how long, how many trials, and how busy the task slots were.
 */
public final class SweepRunner {
  /** {@code --trials-at-once auto}: as many trials as the task slots hold. */
  public static final int AUTO_TRIALS_AT_ONCE = Integer.MAX_VALUE;

  private final SparkSession spark;
  private final PrintStream out;

  public SweepRunner(SparkSession spark, PrintStream out) {
    this.spark = spark;
    this.out = out;
  }

  public SweepSummary run(JobSpec job, boolean resume) {
    return run(job, resume, AUTO_TRIALS_AT_ONCE);
  }

  /**
   * @param trialsAtOnce the most trials trained at the same time; {@link #AUTO_TRIALS_AT_ONCE} for
   *     no cap
   */
  public SweepSummary run(JobSpec job, boolean resume, int trialsAtOnce) {
    return run(job, resume, trialsAtOnce, GridExpander.expand(job));
  }

  /**
   * Runs some of a job's trials: a stage of a sweep whose seeds are added as they are needed.
   *
   * @param trials trials of {@code job}'s grid, in the order to start them
   */
  public SweepSummary run(JobSpec job, boolean resume, int trialsAtOnce, List<TrialSpec> trials) {
    return run(job, resume, trialsAtOnce, trials, PausePlan.NONE);
  }

  /**
   * As {@link #run(JobSpec, boolean, int, List)}, with {@code plan} deciding as the run goes on how
   * far each trial trains before it pauses and which paused trials go on (pruning's rungs).
   */
  public SweepSummary run(
      JobSpec job, boolean resume, int trialsAtOnce, List<TrialSpec> trials, PausePlan plan) {
    if (trialsAtOnce < 1) {
      throw new SweepException(
          "--trials-at-once must be 1 or more, or auto; found " + trialsAtOnce);
    }
    Instant runStarted = Instant.now();
    ResultsStore store = ResultsStore.open(job.results());
    // Closed last: a signal while claims and shards are released does not cut that short.
    try (SweepInterrupt interrupt = SweepInterrupt.install(spark.sparkContext(), out);
        TrialClaims claims = TrialClaims.open(store.location())) {
      removeLeftovers(store, claims);
      Map<String, TrialStatus> recorded = store.statuses();
      List<TrialSpec> toRun = TrialSelection.select(trials, recorded, resume, store.location());
      int skipped = trials.size() - toRun.size();
      out.printf(
          "sweep %s: %d trials, %d to run, %d already recorded; results in %s%n",
          job.sweep(), trials.size(), toRun.size(), skipped, store.location());
      if (toRun.isEmpty()) {
        return new SweepSummary(0, 0, 0, skipped, 0, 0, store.location());
      }
      TaskSlots slots = TaskSlots.of(spark.sparkContext());
      LargeGrid.warning(toRun, Math.max(1, slots.slots())).ifPresent(out::println);
      CifarData data = DataLoader.load(job.dataset());
      out.println("data: " + data.description() + syntheticNote(job.dataset()));
      describeSpark(slots, trialsAtOnce);
      String shardDir = RunShards.newDirectory(store.location());
      try {
        TrialData trialData = RunShards.cut(job, toRun, data, shardDir);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SweepRun run =
            new SweepRun(
                job, toRun, trialData, store, claims, sc, slots, out, runStarted, interrupt, plan);
        return run.trainAll(trialsAtOnce, skipped);
      } finally {
        RunShards.remove(shardDir);
        store.removeEmptyCheckpoints();
      }
    }
  }

  /**
   * Says that synthetic images are not CIFAR-10: a job without a dataset section trains on them.
   */
  private static String syntheticNote(DatasetSpec dataset) {
    return dataset.source() == DataSource.SYNTHETIC
        ? "; NOT CIFAR-10: the job names no dataset.path (a job without a dataset section trains on"
            + " these), so the results say nothing about real images; give dataset.path or --data"
        : "";
  }

  /**
   * What dead runs left: data shards of runs on this host that ended without removing them, and the
   * files of trial writes a killed driver did not finish (kept while a live driver holds the
   * trial).
   */
  private void removeLeftovers(ResultsStore store, TrialClaims claims) {
    removeAbandonedShards(store);
    int files = store.removeLeftovers(claims::isHeldByLiveDriver);
    int checkpoints = TrialCheckpoint.removeStale(store, claims::isHeldByLiveDriver);
    if (checkpoints > 0) {
      out.println("removed the checkpoints of " + checkpoints + " trials that cannot resume");
    }
    if (files > 0) {
      out.println("removed " + files + " files of trial writes an interrupted run left unfinished");
    }
  }

  private void removeAbandonedShards(ResultsStore store) {
    for (String abandoned : RunShards.removeAbandoned(store.location())) {
      out.println(
          "removed the data shards of an interrupted run: "
              + RunShards.DIRECTORY
              + "/"
              + abandoned);
    }
  }

  private void describeSpark(TaskSlots slots, int trialsAtOnce) {
    out.printf(
        "spark %s master %s: %d task slots now; %s%n",
        spark.version(),
        spark.sparkContext().master(),
        slots.slots(),
        trialsAtOnce == AUTO_TRIALS_AT_ONCE
            ? "as many trials at once as they hold"
            : "at most " + trialsAtOnce + " trials at once");
  }
}
