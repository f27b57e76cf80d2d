package org.sweep4j.training;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.Budget;
import org.sweep4j.config.JobSpec;
import org.sweep4j.data.CifarData;
import org.sweep4j.data.DataLoader;
import org.sweep4j.data.Minibatches;
import org.sweep4j.data.ShardWriter;
import org.sweep4j.grid.GridExpander;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.Provenance;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialClaims;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * Runs a sweep: expands the grid, leaves alone trials the results directory already settles (with
 * {@code --resume}), loads the data once, cuts it into shard files, trains the remaining trials one after
 * another (or several side by side, {@code --trials-at-once}) and records each as it ends. A failing trial is
 * recorded as failed and the sweep goes on.
 */
public final class SweepRunner {
  /** Images per scoring shard: large enough to amortise the per-shard cost, small enough for any heap. */
  static final int SCORING_SHARD = 500;

  private final SparkSession spark;
  private final PrintStream out;

  public SweepRunner(SparkSession spark, PrintStream out) {
    this.spark = spark;
    this.out = out;
  }

  public SweepSummary run(JobSpec job, boolean resume) {
    return run(job, resume, 1);
  }

  /**
   * @param trialsAtOnce how many trials train at the same time, each on its own workers: on a few cores, trials
   *     side by side with one thread each use the cores better than one trial on all of them; {@link
   *     #AUTO_TRIALS_AT_ONCE} lets {@link #autoTrialsAtOnce} choose
   */
  public SweepSummary run(JobSpec job, boolean resume, int trialsAtOnce) {
    if (trialsAtOnce < 1 && trialsAtOnce != AUTO_TRIALS_AT_ONCE) {
      throw new SweepException("--trials-at-once must be 1 or more, or auto; found " + trialsAtOnce);
    }
    List<TrialSpec> trials = GridExpander.expand(job);
    ResultsStore store = ResultsStore.open(job.results());
    Map<String, TrialStatus> recorded = store.statuses();
    List<TrialSpec> toRun = selectTrials(trials, recorded, resume, store.location());
    int skipped = trials.size() - toRun.size();
    out.printf("sweep %s: %d trials, %d to run, %d already recorded; results in %s%n", job.sweep(), trials.size(),
        toRun.size(), skipped, store.location());
    if (toRun.isEmpty()) {
      return new SweepSummary(0, 0, 0, skipped, 0, 0, store.location());
    }
    int maxWorkers = toRun.stream().mapToInt(t -> t.distribution().workers()).max().orElse(1);
    if (trialsAtOnce == AUTO_TRIALS_AT_ONCE) {
      trialsAtOnce = autoTrialsAtOnce(maxWorkers, spark.sparkContext().master(), toRun.size());
      out.printf("trials at once: %d (auto: task slots of %s / %d workers per trial)%n", trialsAtOnce,
          spark.sparkContext().master(), maxWorkers);
    }
    checkTaskSlots(maxWorkers, trialsAtOnce, spark.sparkContext().master());
    CifarData data = DataLoader.load(job.dataset());
    out.println("data: " + data.description());
    for (String abandoned : RunShards.removeAbandoned(store.location())) {
      out.println("removed the data shards of an interrupted run: " + RunShards.DIRECTORY + "/" + abandoned);
    }
    String shardDir = RunShards.newDirectory(store.location());
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String master = sc.master();
    // Scoring shards are cut for the most workers any trial runs at once; each trial then sizes its native
    // threads (and scoring concurrency) for its own workers, so a one-worker trial gets every core (shared with
    // the trials beside it under --trials-at-once).
    int tasks = SparkSetup.isLocal(master) ? Math.min(maxWorkers, SparkSetup.localSlots(master)) : 1;
    Provenance provenance = provenance(sc, tasks);
    out.println("spark " + spark.version() + " master " + master + "; " + provenance.nativeBackend());
    try (TrialClaims claims = TrialClaims.open(store.location())) {
      TrialData trialData = shard(sc, job, toRun, data, shardDir, tasks);
      return runTrials(toRun, trialData, data.description(), provenance, store, claims, skipped, job.budget(), sc,
          trialsAtOnce);
    } finally {
      deleteRecursively(shardDir);
    }
  }

  /** In local mode, trials side by side must find a task slot for every worker, or they would queue. */
  /** {@code --trials-at-once auto}: {@link #autoTrialsAtOnce} chooses. */
  public static final int AUTO_TRIALS_AT_ONCE = 0;

  /**
   * As many trials at once as a local master's task slots hold, given the largest workers count, and no more than
   * there are trials: measured on 2 cores, two one-thread trainings side by side trained 1.2× (deep CNN) to 1.5×
   * (small CNN) the images of one training on both cores ({@code sweep4j bench --modes trials}). One on a
   * cluster, whose free slots the driver cannot see.
   */
  public static int autoTrialsAtOnce(int maxWorkers, String master, int trials) {
    if (!SparkSetup.isLocal(master)) {
      return 1;
    }
    return Math.max(1, Math.min(trials, SparkSetup.localSlots(master) / Math.max(1, maxWorkers)));
  }

  private static void checkTaskSlots(int maxWorkers, int trialsAtOnce, String master) {
    if (SparkSetup.isLocal(master) && trialsAtOnce * maxWorkers > SparkSetup.localSlots(master)) {
      throw new SweepException("--trials-at-once " + trialsAtOnce + " with trials of up to " + maxWorkers
          + " workers needs " + trialsAtOnce * maxWorkers + " task slots; " + master + " has "
          + SparkSetup.localSlots(master) + ". Lower --trials-at-once or the job's workers.");
    }
  }

  private static List<TrialSpec> selectTrials(List<TrialSpec> trials, Map<String, TrialStatus> recorded,
      boolean resume, String location) {
    List<TrialSpec> present = trials.stream().filter(t -> recorded.containsKey(t.id())).toList();
    if (!resume && !present.isEmpty()) {
      throw new SweepException(location + " already holds " + present.size() + " of this sweep's " + trials.size()
          + " trials (e.g. " + present.get(0).id() + "). Rerun with --resume to finish the sweep, or pass"
          + " --results with another directory.");
    }
    return trials.stream().filter(t -> !recorded.containsKey(t.id()) || !recorded.get(t.id()).isSettled()).toList();
  }

  private SweepSummary runTrials(List<TrialSpec> toRun, TrialData data, String dataDescription,
      Provenance provenance, ResultsStore store, TrialClaims claims, int skipped, Budget budget,
      JavaSparkContext sc, int trialsAtOnce) {
    long totalImages = toRun.stream().mapToLong(TrialSpec::trainingImages).sum();
    ProgressReporter progress = new ProgressReporter(out, totalImages);
    SparkTrialRunner runner = new SparkTrialRunner(sc);
    CpuMeter cpu = new CpuMeter();
    Tally tally = new Tally(skipped);
    TrialSlot slot = new TrialSlot(out, data, dataDescription, provenance, store, claims, budget, runner, progress,
        sc, tally, Instant.now(), toRun.size(), trialsAtOnce);
    if (trialsAtOnce == 1) {
      for (int i = 0; i < toRun.size(); i++) {
        slot.run(toRun.get(i), i + 1);
      }
    } else {
      runSideBySide(toRun, slot, trialsAtOnce);
    }
    sc.clearJobGroup();
    if (!tally.overBudget.isEmpty()) {
      out.printf("budget (%s) reached: %d trials not started, rerun with --resume (and a larger budget) to run"
          + " them: %s%n", budget, tally.overBudget.size(), String.join(", ", tally.overBudget));
    }
    out.printf("done: %d finished, %d diverged, %d failed, %d skipped as already recorded%s%n", tally.finished,
        tally.diverged, tally.failed, tally.skipped,
        tally.elsewhere == 0 ? "" : ", " + tally.elsewhere + " left to other runs running them");
    if (SparkSetup.isLocal(sc.master())) {
      // In local mode every task runs in this JVM, so its CPU time is the whole sweep's; idle cores are waste.
      int cores = Runtime.getRuntime().availableProcessors();
      out.printf(java.util.Locale.ROOT, "cpu: %.0f%% of %d cores busy over %s of training and scoring%n",
          cpu.percent(cores), cores, ProgressReporter.format(Math.round(cpu.seconds())));
    }
    return new SweepSummary(tally.finished, tally.diverged, tally.failed, tally.skipped, tally.elsewhere,
        tally.overBudget.size(), store.location());
  }

  /** Starts the trials in order on {@code trialsAtOnce} threads; each thread runs its trials' Spark jobs. */
  private static void runSideBySide(List<TrialSpec> toRun, TrialSlot slot, int trialsAtOnce) {
    ExecutorService threads = Executors.newFixedThreadPool(trialsAtOnce, r -> {
      Thread thread = new Thread(r, "sweep4j-trial");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < toRun.size(); i++) {
        TrialSpec trial = toRun.get(i);
        int index = i + 1;
        started.add(threads.submit(() -> slot.run(trial, index)));
      }
      for (Future<?> trial : started) {
        trial.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SweepException("interrupted while trials were running", e);
    } catch (ExecutionException e) {
      // Trial failures are recorded by the slot; what reaches here is the sweep's own failure (e.g. the store).
      throw e.getCause() instanceof RuntimeException r ? r : new SweepException(e.getCause().toString(), e);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Counts of a run's trials, updated by whichever thread ran them. */
  private static final class Tally {
    private int finished;
    private int diverged;
    private int failed;
    private int skipped;
    private int elsewhere;
    private long epochsRun;
    private int trialsRun;
    private final List<String> overBudget = new ArrayList<>();

    Tally(int skipped) {
      this.skipped = skipped;
    }
  }

  /** Everything one trial of the run needs; {@link #run} is called from one thread or several at once. */
  private record TrialSlot(PrintStream out, TrialData data, String dataDescription, Provenance provenance,
      ResultsStore store, TrialClaims claims, Budget budget, SparkTrialRunner runner, ProgressReporter progress,
      JavaSparkContext sc, Tally tally, Instant runStarted, int count, int trialsAtOnce) {

    void run(TrialSpec trial, int index) {
      long trialImages = trial.trainingImages();
      synchronized (tally) {
        Duration elapsed = Duration.between(runStarted, Instant.now());
        if (!budget.allows(tally.epochsRun, trial.training().epochs(), elapsed,
            tally.trialsRun == 0 ? null : elapsed.dividedBy(tally.trialsRun))) {
          tally.overBudget.add(trial.id());
          progress.skipImages(trialImages);
          return;
        }
      }
      Optional<TrialClaims.Holder> holder = claims.tryClaim(trial.id());
      if (holder.isPresent()) {
        out.printf("[trial %d/%d] %s: left to %s, which is running it%n", index, count, trial.id(), holder.get());
        progress.skipImages(trialImages);
        synchronized (tally) {
          tally.elsewhere++;
        }
        return;
      }
      TrialOutcome outcome;
      try {
        Optional<TrialStatus> recordedMeanwhile = store.status(trial.id());
        if (recordedMeanwhile.isPresent() && recordedMeanwhile.get().isSettled()) {
          // Another driver sharing the results directory finished it after this run listed the directory.
          out.printf("[trial %d/%d] %s: recorded by another run meanwhile (%s)%n", index, count, trial.id(),
              recordedMeanwhile.get().label());
          progress.skipImages(trialImages);
          synchronized (tally) {
            tally.skipped++;
          }
          return;
        }
        outcome = runAndRecord(trial, index);
      } finally {
        claims.release(trial.id());
      }
      synchronized (tally) {
        tally.trialsRun++;
        tally.epochsRun += outcome.epochs().size();
        switch (outcome.status()) {
          case FINISHED -> tally.finished++;
          case DIVERGED -> tally.diverged++;
          case FAILED -> tally.failed++;
          default -> throw new IllegalStateException("unhandled status " + outcome.status());
        }
      }
      if (outcome.stoppedEarly(trial.training().epochs())) {
        out.printf("[trial %d/%d] stopped early after epoch %d of %d: val loss did not improve for %d epochs%n",
            index, count, outcome.epochs().size(), trial.training().epochs(),
            trial.training().earlyStopping().patience());
      }
      if (outcome.status() != TrialStatus.FINISHED) {
        out.printf("[trial %d/%d] %s: %s%n", index, count, outcome.status().label(), outcome.error());
      }
    }

    /** Trains one claimed trial and records it, whatever its outcome. */
    private TrialOutcome runAndRecord(TrialSpec trial, int index) {
      String label = "trial " + index + "/" + count + " " + trial.architecture().label() + " "
          + trial.activation().label() + " seed " + trial.seed();
      sc.setJobGroup("sweep4j-" + trial.sweep(), label, false);
      progress.startTrial(index, count, trial);
      TrialData trialData = data;
      Provenance trialProvenance = provenance;
      if (SparkSetup.isLocal(sc.master())) {
        int tasks = Math.min(trial.distribution().workers(), SparkSetup.localSlots(sc.master()));
        // Trials side by side share the cores: each task's native threads are sized for all of their tasks.
        trialProvenance = SweepRunner.provenance(sc, Math.min(tasks * trialsAtOnce, SparkSetup.localSlots(sc.master())));
        trialData = data.withScoringTasks(tasks);
      }
      Instant started = Instant.now();
      TrialOutcome outcome;
      try {
        outcome = runner.run(trial, trialData, label, progress);
      } catch (Exception e) {
        // Spark's SparkException is checked but thrown undeclared from Scala code, hence Exception.
        outcome = new TrialOutcome(TrialStatus.FAILED, describe(e), List.of(), List.of(), 0, null, null);
      }
      progress.skipImages(
          (long) (trial.training().epochs() - outcome.epochs().size()) * trial.dataset().trainSize());
      store.record(trialRow(trial, outcome, dataDescription, started, trialProvenance), outcome.epochs(),
          outcome.layerStats());
      return outcome;
    }
  }

  /**
   * Sizes this JVM's native threads for {@code tasks} concurrent tasks and says so. On a cluster the driver's
   * thread count says nothing about training: executors size theirs from the environment Spark gives them
   * (spark.executorEnv.OMP_NUM_THREADS), else from their cores.
   */
  private static Provenance provenance(JavaSparkContext sc, int tasks) {
    int threads = NativeThreads.configure(tasks);
    String backend = SparkSetup.isLocal(sc.master()) ? NativeThreads.describeBackend(threads)
        : NativeThreads.describeBackend("driver; executors: OMP_NUM_THREADS="
            + sc.getConf().get("spark.executorEnv.OMP_NUM_THREADS", "unset"));
    return new Provenance(Versions.sweep4j(), Versions.dl4j(), sc.version(), backend, sc.master());
  }

  static TrialRow trialRow(TrialSpec trial, TrialOutcome outcome, String dataDescription, Instant started,
      Provenance provenance) {
    List<EpochRow> epochs = outcome.epochs();
    EpochRow best = epochs.stream().filter(e -> Double.isFinite(e.valLoss()))
        .max(Comparator.comparingDouble(EpochRow::valAccuracy)).orElse(null);
    Double finalAccuracy = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1).valAccuracy();
    return new TrialRow(trial.id(), trial.sweep(), trial.activation().label(), trial.activation().canonical(),
        trial.architecture().label(), trial.seed(), trial.training().epochs(), trial.training().batchSize(),
        trial.training().optimizer().label(), trial.training().learningRate(), trial.distribution().workers(),
        trial.distribution().averagingFrequency(), trial.distribution().batchSizePerWorker(),
        trial.dataset().source().label(), trial.dataset().trainSize(), trial.dataset().testSize(), dataDescription,
        outcome.status(), outcome.error(), started, Instant.now(), outcome.params(), epochs.size(), finalAccuracy,
        best == null ? null : best.valAccuracy(), best == null ? null : best.epoch(), trial.dataset().validationLabel(),
        trial.augmentation().label(), outcome.testLoss(), outcome.testAccuracy(), trial.training().dropoutScale(),
        trial.training().weightInit().label(),
        outcome.stoppedEarly(trial.training().epochs()) ? TrialRow.EARLY_STOPPING : null, provenance);
  }

  /**
   * @param scoringTasks how many scoring tasks may run at once: in local mode no more than the training tasks
   *     ND4J's thread pools were sized for, since oversubscribed OpenMP threads spin and slow everything ~20x
   */
  private static TrialData shard(JavaSparkContext sc, JobSpec job, List<TrialSpec> trials, CifarData data,
      String dir, int scoringTasks) {
    int trainEval = job.training().trainEvalSize() == 0 ? data.train().size()
        : Math.min(job.training().trainEvalSize(), data.train().size());
    // One set of training shards per worker batch size the trials use: a shard is one worker's minibatch.
    java.util.Map<Integer, List<String>> train = new java.util.TreeMap<>();
    for (TrialSpec trial : trials) {
      int perWorker = trial.distribution().batchSizePerWorker();
      train.computeIfAbsent(perWorker, size -> ShardWriter.write(data.train(), data.train().size(), size,
          dir + "/train-" + size, "train"));
    }
    List<String> validation = ShardWriter.write(data.validation(), data.validation().size(), SCORING_SHARD,
        dir + "/validation", "validation");
    List<String> test = data.holdsOut()
        ? ShardWriter.write(data.test(), data.test().size(), SCORING_SHARD, dir + "/test", "test") : null;
    List<String> trainScoring = ShardWriter.write(data.train(), trainEval, SCORING_SHARD, dir + "/train-eval",
        "train-eval");
    int scoringSlices = SparkSetup.isLocal(sc.master()) ? scoringTasks : Math.max(1, sc.defaultParallelism());
    int probeSize = Math.min(job.training().probeSize(), data.train().size());
    DataSet probe = probeSize == 0 ? null : Minibatches.fromImages(data.train().head(probeSize), "probe batch");
    return new TrialData(train,
        sc.parallelize(validation, Math.min(scoringSlices, validation.size())),
        sc.parallelize(trainScoring, Math.min(scoringSlices, trainScoring.size())),
        test == null ? null : sc.parallelize(test, Math.min(scoringSlices, test.size())), data.train().size(),
        data.description(), probe);
  }

  private static String describe(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
      messages.add(t.getClass().getSimpleName() + ": " + t.getMessage());
    }
    return String.join(" <- ", messages);
  }

  /**
   * Shards live beside the results, on the same file system (hidden from table readers by the leading
   * underscore), and go when the run ends; {@code _shards} itself goes when no other run's shards are left.
   */
  private static void deleteRecursively(String dir) {
    Path shards = new Path(dir);
    FileSystem fs;
    try {
      fs = shards.getFileSystem(new Configuration());
      fs.delete(shards, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove data shards under " + dir + ": " + e.getMessage(), e);
    }
    try {
      Path parent = shards.getParent();
      if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
        fs.delete(parent, false);
      }
    } catch (IOException e) {
      // Another run sharing the results directory has just made its shards there: its directory stays.
    }
  }
}
