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
      TrialRecoveries recoveries) {}

  private final Run run;

  /** Trials that trained in this run: a later leg of theirs goes on from epochs counted already. */
  private final java.util.Set<String> trainedHere =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  TrialAttempt(Run run) {
    this.run = run;
  }

  /**
   * The budget's word on a trial whose task slots are free; a trial it skips is counted as over
   * budget. Once the sweep is interrupted, no trial starts.
   */
  TrialScheduler.Admission admit(PausePlan.Leg leg) {
    if (stoppedBeforeStart(leg)) {
      return TrialScheduler.Admission.SKIP;
    }
    TrialScheduler.Admission admission = run.budget().admit(leg.epochs(), Instant.now());
    if (admission == TrialScheduler.Admission.SKIP) {
      run.tally().overBudget(leg.trial().id());
      run.progress().skipImages(imagesLeft(leg));
    }
    return admission;
  }

  /**
   * Runs a leg {@link #admit} let start; returns how its trial ended, null when it did not train
   * here (a signal came first, or another run holds or settled it).
   */
  TrialOutcome run(PausePlan.Leg leg, int index) {
    TrialSpec trial = leg.trial();
    Instant started = Instant.now();
    int epochsRun = 0;
    try {
      if (stoppedBeforeStart(leg)) {
        return null; // admitted just before the signal
      }
      Optional<TrialClaims.Holder> holder = run.claims().tryClaim(trial.id());
      if (holder.isPresent()) {
        skip(leg, index, "left to " + holder.get() + ", which is running it");
        run.tally().leftToOtherRun();
        return null;
      }
      TrialOutcome outcome;
      try {
        Optional<TrialStatus> recordedMeanwhile = run.store().status(trial.id());
        if (recordedMeanwhile.isPresent() && recordedMeanwhile.get().isSettled()) {
          // Another driver sharing the results directory finished it after this run listed it.
          skip(
              leg,
              index,
              "recorded by another run meanwhile (" + recordedMeanwhile.get().label() + ")");
          run.tally().recordedElsewhere();
          return null;
        }
        Trained trained = trainAndRecord(leg, index);
        outcome = trained.outcome();
        epochsRun = trained.epochsTrained();
      } finally {
        run.claims().release(trial.id());
      }
      if (!outcome.paused()) { // a paused trial's plan decides whether it goes on
        run.tally().ended(outcome.status());
        sayHowItEnded(trial, index, outcome);
      }
      return outcome;
    } finally {
      run.budget().end(leg.epochs(), epochsRun, Duration.between(started, Instant.now()));
    }
  }

  /** What a leg trained: its trial's outcome and the epochs trained in this leg. */
  private record Trained(TrialOutcome outcome, int epochsTrained) {}

  /** Whether a signal stopped the sweep: the leg is then counted as not started. */
  private boolean stoppedBeforeStart(PausePlan.Leg leg) {
    if (!run.interrupt().requested()) {
      return false;
    }
    run.tally().notStarted();
    run.progress().skipImages(imagesLeft(leg));
    return true;
  }

  private void skip(PausePlan.Leg leg, int index, String why) {
    run.progress().say(index, run.count(), leg.trial(), why);
    run.progress().skipImages(imagesLeft(leg));
  }

  private long imagesLeft(PausePlan.Leg leg) {
    return imagesNotTrainedHere(leg.trial(), leg.from());
  }

  /**
   * The images the progress line counts for a trial that will train no more in this run: all after
   * its first {@code epochs}, and those too unless it trained them in this run.
   */
  long imagesNotTrainedHere(TrialSpec trial, int epochs) {
    int counted = trainedHere.contains(trial.id()) ? epochs : 0;
    return (long) (trial.training().epochs() - counted) * trial.dataset().trainSize();
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

  private Trained trainAndRecord(PausePlan.Leg leg, int index) {
    TrialSpec trial = leg.trial();
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
      if (!trainedHere.contains(trial.id())) {
        run.progress().skipImages((long) resume.epoch() * trial.dataset().trainSize());
      }
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
              leg.pauseAfter());
      if (!outcome.status().isSettled() && !outcome.epochs().isEmpty()) {
        trainer.keepCheckpoint(); // for --resume to go on from
      }
    } catch (RuntimeException e) {
      // The trainer could not even be made (a configuration DL4J refuses, say): a failed trial, not
      // a failed run.
      outcome = TrialOutcome.failed(TrialLoop.describe(e));
    }
    TrialRecoveries.Counts recovered = run.recoveries().end(trial.id(), run.sc().sc());
    int resumedAt = resume == null ? 0 : resume.epoch();
    Trained trained = new Trained(outcome, Math.max(0, outcome.epochs().size() - resumedAt));
    if (trained.epochsTrained() > 0) {
      trainedHere.add(trial.id());
    }
    if (!outcome.paused()) {
      run.progress()
          .skipImages(
              (long) (trial.training().epochs() - outcome.epochs().size())
                  * trial.dataset().trainSize());
    }
    if (outcome.status() == TrialStatus.INTERRUPTED && outcome.epochs().isEmpty()) {
      return trained; // nothing trained: whatever an earlier attempt recorded stays
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
    return trained;
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
