package org.sweep4j.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweep4j.dl4jm2.NativeThreads;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.Provenance;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialClaims;
import org.sweep4j.results.TrialStatus;

/**
 * Takes one trial of a run from its start to its record: the budget lets it start, its claim keeps
 * other drivers off it, it trains (in one Spark task per epoch with one worker, with DL4J's
 * parameter averaging with more), and it is recorded whatever its outcome. The scheduler calls
 * {@link #run} from several threads at once.
 */
final class TrialAttempt {
  /** What every trial of a run shares. */
  record Run(
      ProgressReporter progress,
      TrialData data,
      ResultsStore store,
      TrialClaims claims,
      BudgetLedger budget,
      JavaSparkContext sc,
      RunTally tally,
      int count,
      IntSupplier threads,
      Provenance provenance,
      SweepInterrupt interrupt,
      int pauseAfter,
      TrialRecoveries recoveries) {}

  private final Run run;

  TrialAttempt(Run run) {
    this.run = run;
  }

  /**
   * The budget's word on a trial whose task slots are free; a trial it skips is counted as over
   * budget. Once the sweep is interrupted, no trial starts.
   */
  TrialScheduler.Admission admit(TrialSpec trial) {
    if (stoppedBeforeStart(trial)) {
      return TrialScheduler.Admission.SKIP;
    }
    TrialScheduler.Admission admission =
        run.budget().admit(trial.training().epochs(), Instant.now());
    if (admission == TrialScheduler.Admission.SKIP) {
      run.tally().overBudget(trial.id());
      run.progress().skipImages(trial.trainingImages());
    }
    return admission;
  }

  /** Runs a trial {@link #admit} let start. */
  void run(TrialSpec trial, int index) {
    Instant started = Instant.now();
    int epochsRun = 0;
    try {
      if (stoppedBeforeStart(trial)) {
        return; // admitted just before the signal
      }
      Optional<TrialClaims.Holder> holder = run.claims().tryClaim(trial.id());
      if (holder.isPresent()) {
        skip(trial, index, "left to " + holder.get() + ", which is running it");
        run.tally().leftToOtherRun();
        return;
      }
      TrialOutcome outcome;
      try {
        Optional<TrialStatus> recordedMeanwhile = run.store().status(trial.id());
        if (recordedMeanwhile.isPresent() && recordedMeanwhile.get().isSettled()) {
          // Another driver sharing the results directory finished it after this run listed it.
          skip(
              trial,
              index,
              "recorded by another run meanwhile (" + recordedMeanwhile.get().label() + ")");
          run.tally().recordedElsewhere();
          return;
        }
        outcome = trainAndRecord(trial, index);
        epochsRun = outcome.epochs().size();
      } finally {
        run.claims().release(trial.id());
      }
      run.tally().ended(outcome.status());
      sayHowItEnded(trial, index, outcome);
    } finally {
      run.budget()
          .end(trial.training().epochs(), epochsRun, Duration.between(started, Instant.now()));
    }
  }

  /** Whether a signal stopped the sweep: the trial is then counted as not started. */
  private boolean stoppedBeforeStart(TrialSpec trial) {
    if (!run.interrupt().requested()) {
      return false;
    }
    run.tally().notStarted();
    run.progress().skipImages(trial.trainingImages());
    return true;
  }

  private void skip(TrialSpec trial, int index, String why) {
    run.progress().say(index, run.count(), trial, why);
    run.progress().skipImages(trial.trainingImages());
  }

  private void sayHowItEnded(TrialSpec trial, int index, TrialOutcome outcome) {
    ProgressReporter progress = run.progress();
    if (outcome.stoppedEarly(trial.training().epochs())) {
      progress.say(
          index,
          run.count(),
          trial,
          "stopped early after epoch "
              + outcome.epochs().size()
              + " of "
              + trial.training().epochs()
              + ": val loss did not improve for "
              + trial.training().earlyStopping().patience()
              + " epochs");
    }
    if (outcome.status() != TrialStatus.FINISHED) {
      progress.say(index, run.count(), trial, outcome.status().label() + ": " + outcome.error());
    }
  }

  private TrialOutcome trainAndRecord(TrialSpec trial, int index) {
    String label =
        "trial "
            + index
            + "/"
            + run.count()
            + " "
            + trial.architecture().label()
            + " "
            + trial.activation().label()
            + " seed "
            + trial.seed();
    run.sc().setJobGroup("sweep4j-" + trial.sweep(), label, false);
    run.sc().setLocalProperty(TrialRecoveries.TRIAL_PROPERTY, trial.id());
    run.recoveries().begin(trial.id());
    run.progress().startTrial(index, run.count(), trial);
    Instant started = Instant.now();
    TrialOutcome outcome;
    String driverBackend = driverBackend();
    String checkpoint = TrialCheckpoint.directory(run.store().location(), trial.id());
    TrialCheckpoint.Resume resume = TrialCheckpoint.find(run.store(), trial).orElse(null);
    if (resume == null) {
      ResultsStore.removeCheckpointDirectory(checkpoint); // what a killed attempt left is of no use
    } else {
      run.progress()
          .say(
              index,
              run.count(),
              trial,
              "resumes after epoch "
                  + resume.epoch()
                  + " of "
                  + trial.training().epochs()
                  + ", from the checkpoint its last attempt left");
      run.progress().skipImages((long) resume.epoch() * trial.dataset().trainSize());
    }
    try (EpochTrainer trainer = trainer(trial, checkpoint)) {
      outcome =
          TrialLoop.run(
              run.sc(),
              trial,
              trainer,
              run.data(),
              label,
              run.progress(),
              run.interrupt(),
              resume,
              run.pauseAfter());
      if (!outcome.status().isSettled() && !outcome.epochs().isEmpty()) {
        trainer.keepCheckpoint(); // for --resume to go on from
      }
    } catch (RuntimeException e) {
      // The trainer could not even be made (a configuration DL4J refuses, say): a failed trial, not
      // a failed run.
      outcome = TrialOutcome.failed(TrialLoop.describe(e));
    }
    TrialRecoveries.Counts recovered = run.recoveries().end(trial.id(), run.sc().sc());
    run.progress()
        .skipImages(
            (long) (trial.training().epochs() - outcome.epochs().size())
                * trial.dataset().trainSize());
    if (outcome.status() == TrialStatus.INTERRUPTED && outcome.epochs().isEmpty()) {
      return outcome; // nothing trained: whatever an earlier attempt recorded stays
    }
    Provenance provenance =
        run.provenance()
            .withBackend(outcome.backend() == null ? driverBackend : outcome.backend())
            .withRecoveries(recovered.taskFailures(), recovered.executorsLost());
    run.store()
        .record(
            TrialRows.of(trial, outcome, run.data().description(), started, provenance),
            outcome.epochs(),
            outcome.layerStats());
    return outcome;
  }

  private EpochTrainer trainer(TrialSpec trial, String checkpoint) {
    return trial.distribution().workers() == 1
        ? new SingleTaskTrainer(run.sc(), trial, run.data(), run.threads(), checkpoint)
        : new AveragingTrainer(run.sc(), trial, run.data(), run.threads());
  }

  /**
   * The backend as the driver sees it: in local mode the tasks' own; on a cluster only what
   * executors are told (their OMP_NUM_THREADS), since parameter averaging's workers report nothing
   * back.
   */
  private String driverBackend() {
    int threads = run.threads().getAsInt();
    if (threads > 0) {
      return NativeThreads.describeBackend(threads);
    }
    return NativeThreads.describeBackend(
        "driver; executors: OMP_NUM_THREADS="
            + run.sc().getConf().get("spark.executorEnv.OMP_NUM_THREADS", "unset"));
  }
}
