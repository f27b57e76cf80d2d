package org.sweep4j.training;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.config.JobSpec;
import org.sweep4j.data.CifarData;
import org.sweep4j.data.DataLoader;
import org.sweep4j.grid.GridExpander;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.Provenance;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialClaims;
import org.sweep4j.results.TrialStatus;

/**
 * Runs a sweep: expands the grid, leaves alone trials the results directory already settles (with
 * {@code --resume}), loads the data once, cuts it into shard files, and trains the remaining trials
 * side by side on Spark's task slots ({@link TrialScheduler}), recording each as it ends ({@link
 * TrialAttempt}). A failing trial is recorded as failed and the sweep goes on. The run itself is
 * recorded in the {@code runs} table: how long, how many trials, and how busy the task slots were.
 */
public final class SweepRunner {
  /** {@code --trials-at-once auto}: as many trials as the task slots hold. */
  public static final int AUTO_TRIALS_AT_ONCE = Integer.MAX_VALUE;

  /** How often the sweep's one-line status is printed, besides after every trial. */
  static final long STATUS_EVERY_SECONDS = 60;

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
    if (trialsAtOnce < 1) {
      throw new SweepException(
          "--trials-at-once must be 1 or more, or auto; found " + trialsAtOnce);
    }
    Instant runStarted = Instant.now();
    List<TrialSpec> trials = GridExpander.expand(job);
    ResultsStore store = ResultsStore.open(job.results());
    Map<String, TrialStatus> recorded = store.statuses();
    List<TrialSpec> toRun = TrialSelection.select(trials, recorded, resume, store.location());
    int skipped = trials.size() - toRun.size();
    out.printf(
        "sweep %s: %d trials, %d to run, %d already recorded; results in %s%n",
        job.sweep(), trials.size(), toRun.size(), skipped, store.location());
    if (toRun.isEmpty()) {
      return new SweepSummary(0, 0, 0, skipped, 0, 0, store.location());
    }
    CifarData data = DataLoader.load(job.dataset());
    out.println("data: " + data.description());
    for (String abandoned : RunShards.removeAbandoned(store.location())) {
      out.println(
          "removed the data shards of an interrupted run: "
              + RunShards.DIRECTORY
              + "/"
              + abandoned);
    }
    String shardDir = RunShards.newDirectory(store.location());
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    TaskSlots slots = TaskSlots.of(spark.sparkContext());
    out.printf(
        "spark %s master %s: %d task slots now; %s%n",
        spark.version(),
        sc.master(),
        slots.slots(),
        trialsAtOnce == AUTO_TRIALS_AT_ONCE
            ? "as many trials at once as they hold"
            : "at most " + trialsAtOnce + " trials at once");
    try (TrialClaims claims = TrialClaims.open(store.location())) {
      TrialData trialData = RunShards.cut(job, toRun, data, shardDir);
      return runTrials(
          job, toRun, trialData, store, claims, skipped, sc, slots, trialsAtOnce, runStarted);
    } finally {
      RunShards.remove(shardDir);
    }
  }

  private SweepSummary runTrials(
      JobSpec job,
      List<TrialSpec> toRun,
      TrialData data,
      ResultsStore store,
      TrialClaims claims,
      int skipped,
      JavaSparkContext sc,
      TaskSlots slots,
      int trialsAtOnce,
      Instant runStarted) {
    long totalImages = toRun.stream().mapToLong(TrialSpec::trainingImages).sum();
    ProgressReporter progress = new ProgressReporter(out, totalImages);
    CpuMeter cpu = new CpuMeter();
    TaskSlots.Reading slotsAtStart = slots.read();
    RunTally tally = new RunTally(skipped);
    TrialScheduler<Integer> scheduler =
        new TrialScheduler<>(
            slots::schedulable, trialsAtOnce, i -> toRun.get(i).distribution().workers());
    IntSupplier threads = TaskThreads.of(sc.master(), slots::slots, scheduler::demand);
    Provenance provenance =
        new Provenance(Versions.sweep4j(), Versions.dl4j(), sc.version(), null, sc.master());
    TrialAttempt attempt =
        new TrialAttempt(
            new TrialAttempt.Run(
                progress,
                data,
                store,
                claims,
                new BudgetLedger(job.budget(), runStarted),
                sc,
                tally,
                toRun.size(),
                threads,
                provenance));
    Runnable status =
        () ->
            progress.status(
                scheduler.ended(),
                scheduler.running(),
                scheduler.waiting(),
                scheduler.busySlots(),
                slots.slots());
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "sweep4j-status");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(
        status, STATUS_EVERY_SECONDS, STATUS_EVERY_SECONDS, TimeUnit.SECONDS);
    try {
      scheduler.run(
          IntStream.range(0, toRun.size()).boxed().toList(),
          i -> attempt.admit(toRun.get(i)),
          i -> attempt.run(toRun.get(i), i + 1),
          status);
    } finally {
      ticker.shutdownNow();
      sc.clearJobGroup();
    }
    List<String> overBudget = tally.overBudgetIds();
    if (!overBudget.isEmpty()) {
      out.printf(
          "budget (%s) reached: %d trials not started, rerun with --resume (and a larger budget) to run"
              + " them: %s%n",
          job.budget(), overBudget.size(), String.join(", ", overBudget));
    }
    SweepSummary summary = tally.summary(store.location());
    out.printf(
        "done: %d finished, %d diverged, %d failed, %d skipped as already recorded%s%n",
        summary.finished(),
        summary.diverged(),
        summary.failed(),
        summary.skipped(),
        summary.elsewhere() == 0
            ? ""
            : ", " + summary.elsewhere() + " left to other runs running them");
    double slotUse = slots.read().utilisationSince(slotsAtStart);
    // In local mode every task runs in this JVM, so its CPU time is the whole sweep's; idle cores
    // are waste.
    double cpuUse =
        SparkSetup.isLocal(sc.master())
            ? cpu.percent(Runtime.getRuntime().availableProcessors()) / 100
            : Double.NaN;
    out.printf(
        Locale.ROOT,
        "slots: %.0f%% of the task slots busy over %s%s%n",
        100 * slotUse,
        ProgressReporter.format(Math.round(cpu.seconds())),
        Double.isNaN(cpuUse)
            ? ""
            : String.format(
                Locale.ROOT,
                "; cpu: %.0f%% of %d cores busy",
                100 * cpuUse,
                Runtime.getRuntime().availableProcessors()));
    Instant ended = Instant.now();
    double seconds = Math.max(1e-3, (ended.toEpochMilli() - runStarted.toEpochMilli()) / 1000.0);
    store.recordRun(
        new RunRow(
            RunShards.runId(data.workDirectory()),
            job.sweep(),
            runStarted,
            ended,
            sc.master(),
            slots.slots(),
            summary.finished(),
            summary.diverged(),
            summary.failed(),
            summary.skipped(),
            summary.elsewhere(),
            summary.overBudget(),
            progress.trainedImages(),
            progress.trainedImages() / seconds,
            finite(slotUse),
            finite(cpuUse),
            TrialClaims.localHost()));
    return summary;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
