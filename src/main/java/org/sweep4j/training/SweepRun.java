package org.sweep4j.training;

import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweep4j.config.AdaptiveSeeds;
import org.sweep4j.config.JobSpec;
import org.sweep4j.config.PruningSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.HostProcess;
import org.sweep4j.results.Provenance;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialClaims;

/**
 * One run of a sweep once its shards are cut: trains its trials side by side on the task slots,
 * prints how it went and how busy the slots and cores were, and records itself in the {@code runs}
 * table.
 */
final class SweepRun {
  /** How often the sweep's one-line status is printed, besides after every trial. */
  static final long STATUS_EVERY_SECONDS = 60;

  private final JobSpec job;
  private final List<TrialSpec> toRun;
  private final TrialData data;
  private final ResultsStore store;
  private final TrialClaims claims;
  private final JavaSparkContext sc;
  private final TaskSlots slots;
  private final PrintStream out;
  private final Instant started;
  private final ProgressReporter progress;
  private final TrialRecoveries recoveries = new TrialRecoveries();
  private final CpuMeter cpu = new CpuMeter();
  private final SweepInterrupt interrupt;
  private final PausePlan plan;

  SweepRun(
      JobSpec job,
      List<TrialSpec> toRun,
      TrialData data,
      ResultsStore store,
      TrialClaims claims,
      JavaSparkContext sc,
      TaskSlots slots,
      PrintStream out,
      Instant started,
      SweepInterrupt interrupt,
      PausePlan plan) {
    this.interrupt = interrupt;
    this.plan = plan;
    this.job = job;
    this.toRun = toRun;
    this.data = data;
    this.store = store;
    this.claims = claims;
    this.sc = sc;
    this.slots = slots;
    this.out = out;
    this.started = started;
    this.progress =
        new ProgressReporter(out, toRun.stream().mapToLong(TrialSpec::trainingImages).sum());
  }

  /**
   * @param trialsAtOnce the most trials at once
   * @param skipped trials of the sweep already recorded before this run
   */
  SweepSummary trainAll(int trialsAtOnce, int skipped) {
    TaskSlots.Reading slotsAtStart = slots.read();
    RunTally tally = new RunTally(skipped);
    TrialScheduler<PausePlan.Leg> scheduler =
        new TrialScheduler<>(
            slots::schedulable, trialsAtOnce, leg -> leg.trial().distribution().workers());
    TrialAttempt attempt =
        attempt(tally, TaskThreads.of(sc.master(), slots::slots, scheduler::demand));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < toRun.size(); i++) {
      index.put(toRun.get(i).id(), i + 1);
    }
    Runnable status =
        () ->
            progress.status(
                // A pruned run trains its trials in legs, from rung to rung.
                plan == PausePlan.NONE ? "trials" : "legs",
                scheduler.ended(),
                scheduler.running(),
                scheduler.waiting(),
                scheduler.busySlots(),
                slots.slots());
    ScheduledExecutorService ticker = statusTicker(status);
    sc.sc().addSparkListener(recoveries);
    try {
      List<PausePlan.Leg> first = stopped(plan.first(toRun), tally, attempt);
      scheduler.runWithFollowUps(
          first,
          attempt::admit,
          leg -> {
            TrialOutcome outcome = attempt.run(leg, index.get(leg.trial().id()));
            synchronized (plan) {
              return stopped(plan.ended(leg, outcome), tally, attempt);
            }
          },
          status);
    } finally {
      ticker.shutdownNow();
      sc.sc().removeSparkListener(recoveries);
      sc.clearJobGroup();
    }
    SweepSummary summary = tally.summary(interrupt.signalName(), store.location());
    printOutcome(summary, tally.overBudgetIds());
    String waiting = plan.waiting();
    if (waiting != null) {
      out.println(waiting);
    }
    double slotUse = slots.read().utilisationSince(slotsAtStart);
    // In local mode every task runs in this JVM, so its CPU time is the whole sweep's.
    double cpuUse = SparkSetup.isLocal(sc.master()) ? cpu.percent(cores()) / 100 : Double.NaN;
    printUsage(slotUse, cpuUse);
    record(summary, slotUse, cpuUse);
    return summary;
  }

  /**
   * Counts the trials the plan stopped as finished, with the images they will not train; returns
   * the legs to start.
   */
  private List<PausePlan.Leg> stopped(PausePlan.Next next, RunTally tally, TrialAttempt attempt) {
    for (PausePlan.Stopped stop : next.stopped()) {
      tally.ended(org.sweep4j.results.TrialStatus.FINISHED);
      progress.skipImages(attempt.imagesNotTrainedHere(stop.trial(), stop.epochs()));
    }
    return next.legs();
  }

  private TrialAttempt attempt(RunTally tally, IntSupplier threads) {
    Provenance provenance =
        new Provenance(Versions.sweep4j(), Versions.dl4j(), sc.version(), null, sc.master());
    return new TrialAttempt(
        new TrialAttempt.Run(
            progress,
            data,
            store,
            claims,
            new BudgetLedger(job.budget(), started),
            sc,
            tally,
            toRun.size(),
            threads,
            provenance,
            interrupt,
            recoveries));
  }

  private static ScheduledExecutorService statusTicker(Runnable status) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "sweep4j-status");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(
        status, STATUS_EVERY_SECONDS, STATUS_EVERY_SECONDS, TimeUnit.SECONDS);
    return ticker;
  }

  private void printOutcome(SweepSummary summary, List<String> overBudget) {
    if (!overBudget.isEmpty()) {
      out.printf(
          "budget (%s) reached: %d trials not started, rerun with --resume (and a larger budget)"
              + " to run them: %s%n",
          job.budget(), overBudget.size(), String.join(", ", overBudget));
    }
    out.printf(
        "done: %d finished, %d diverged, %d failed, %d skipped as already recorded%s%n",
        summary.finished(),
        summary.diverged(),
        summary.failed(),
        summary.skipped(),
        summary.elsewhere() == 0
            ? ""
            : ", " + summary.elsewhere() + " left to other runs running them");
    SweepSummary.Stop stop = summary.stop();
    if (stop.stopped()) {
      out.printf(
          "stopped by %s: %d trials interrupted (the epochs they finished are recorded), %d not"
              + " started; run the same command with --resume to finish the sweep%n",
          stop.signal(), stop.interrupted(), stop.notStarted());
    }
  }

  private void printUsage(double slotUse, double cpuUse) {
    String cores =
        Double.isNaN(cpuUse)
            ? ""
            : String.format(Locale.ROOT, "; cpu: %.0f%% of %d cores busy", 100 * cpuUse, cores());
    out.printf(
        Locale.ROOT,
        "slots: %.0f%% of the task slots busy over %s%s%n",
        100 * slotUse,
        ProgressReporter.format(Math.round(cpu.seconds())),
        cores);
  }

  private void record(SweepSummary summary, double slotUse, double cpuUse) {
    Instant ended = Instant.now();
    double seconds = Math.max(1e-3, (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0);
    store.recordRun(
        new RunRow(
            RunShards.runId(data.workDirectory()),
            job.sweep(),
            started,
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
            HostProcess.localHost(),
            summary.stop().interrupted(),
            summary.stop().signal(),
            seedDesign(),
            pruningDesign()));
  }

  private RunRow.PruningDesign pruningDesign() {
    PruningSpec pruning = job.pruning();
    return pruning == null
        ? null
        : new RunRow.PruningDesign(
            pruning.rungs().toString(), pruning.keep(), pruning.metric().label(), pruning.alpha());
  }

  private RunRow.SeedDesign seedDesign() {
    AdaptiveSeeds seeds = job.grid().adaptiveSeeds();
    return seeds == null
        ? null
        : new RunRow.SeedDesign(
            seeds.start(),
            seeds.step(),
            seeds.max(),
            seeds.alpha(),
            job.minDifference(),
            job.baseline());
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
