package org.sweep4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.report.PruningReport;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialRowBuilder;
import org.sweep4j.results.TrialStatus;
import org.sweep4j.training.PausePlan;
import org.sweep4j.training.SweepSummary;
import org.sweep4j.training.TrialOutcome;

/**
 * A pruned sweep on synthetic learning curves in a real results directory (no training): which legs
 * the plan starts and to which epoch, what is recorded for the pruned points, that a stopped sweep
 * resumes to the same end, and that the report's replay finds the same pruned points with their
 * evidence.
 */
class PrunedSweepTest {
  @TempDir Path dir;

  private static final double[] Z = {0.3, -1.1, 0.8};

  /**
   * Val accuracy after {@code epoch}: relu and elu climb alike, tanh falls behind, step stays flat.
   */
  private static double accuracy(String activation, long seed, int epoch) {
    double noise = 0.006 * Z[(int) seed - 1];
    return noise
        + switch (activation) {
          case "relu" -> 0.40 + 0.03 * epoch;
          case "elu" -> 0.40 + 0.03 * epoch + 0.002;
          case "tanh" -> 0.40 + 0.024 * epoch; // falls behind as it trains
          default -> 0.10;
        };
  }

  private JobSpec job(String name) {
    return JobFileParser.parse(
        name + ".yaml",
        """
        sweep: %s
        grid:
          activations: [relu, elu, tanh, step]
          architectures: [small_cnn]
          seeds: [1, 2, 3]
        training: {epochs: 8, batch_size: 32}
        pruning: {rungs: [2, 4], keep: 0.25}
        output: {results: '%s'}
        """
            .formatted(name, dir.resolve(name)));
  }

  /**
   * Trains the plan's legs one at a time (in the sense of recording each trial's synthetic curve up
   * to the leg's pause), the legs the plan adds after each going first, as the run's scheduler does
   * with one task slot; stops after {@code limit} legs.
   */
  private static final class Curves implements Stage {
    final List<String> legs = new ArrayList<>();
    int limit = Integer.MAX_VALUE;

    /** Whether the plan gets each leg's outcome, or (false) reads the trial's record back. */
    boolean handOutcomes = true;

    @Override
    public SweepSummary run(
        JobSpec job, boolean resume, int atOnce, List<TrialSpec> trials, PausePlan plan) {
      ResultsStore store = ResultsStore.open(job.results());
      Map<String, TrialStatus> recorded = store.statuses();
      List<TrialSpec> selected =
          trials.stream()
              .filter(t -> recorded.get(t.id()) == null || !recorded.get(t.id()).isSettled())
              .toList();
      Deque<PausePlan.Leg> queue = new ArrayDeque<>(plan.first(selected).legs());
      while (!queue.isEmpty()) {
        if (legs.size() == limit) {
          return new SweepSummary(
              0, 0, 0, 0, 0, 0, new SweepSummary.Stop("SIGTERM", 0, 1), job.results());
        }
        PausePlan.Leg leg = queue.pollFirst();
        TrialOutcome outcome = train(store, job, leg);
        List<PausePlan.Leg> next = plan.ended(leg, handOutcomes ? outcome : null).legs();
        for (int i = next.size() - 1; i >= 0; i--) {
          queue.addFirst(next.get(i));
        }
      }
      return new SweepSummary(trials.size(), 0, 0, 0, 0, 0, job.results());
    }

    /** Records the leg's trial and returns its outcome, as the run hands it to the plan. */
    private TrialOutcome train(ResultsStore store, JobSpec job, PausePlan.Leg leg) {
      TrialSpec trial = leg.trial();
      legs.add(trial.activation().label() + " " + trial.seed() + " -> " + leg.pauseAfter());
      int last = leg.pauseAfter() == 0 ? trial.training().epochs() : leg.pauseAfter();
      List<EpochRow> epochs = new ArrayList<>();
      for (int e = 1; e <= last; e++) {
        double acc = accuracy(trial.activation().label(), trial.seed(), e);
        epochs.add(new EpochRow(trial.id(), e, 1, acc, 1 - acc, acc, 1, 1));
      }
      double end = epochs.get(last - 1).valAccuracy();
      TrialStatus status = leg.pauseAfter() == 0 ? TrialStatus.FINISHED : TrialStatus.INTERRUPTED;
      store.record(
          TrialRowBuilder.trial(trial.id())
              .sweep(job.sweep())
              .activation(trial.activation().label())
              .seed(trial.seed())
              .epochs(trial.training().epochs())
              .completed(last)
              .status(status)
              .accuracies(end, end, last)
              .build(),
          epochs);
      return new TrialOutcome(status, null, epochs, List.of(), 1, null, null, null, last);
    }
  }

  /** The legs of one point, all seeds, to {@code pauseAfter}. */
  private static List<String> legs(String activation, int pauseAfter) {
    return List.of(1, 2, 3).stream().map(s -> activation + " " + s + " -> " + pauseAfter).toList();
  }

  private static List<String> concat(List<List<String>> parts) {
    return parts.stream().flatMap(List::stream).toList();
  }

  private static Map<String, String> outcomes(JobSpec job) {
    Map<String, String> outcomes = new TreeMap<>();
    for (TrialRow row : ResultsStore.open(job.results()).readTrials()) {
      outcomes.merge(
          row.settings().activation(),
          row.outcome().status().label()
              + " "
              + row.outcome().stopReason()
              + " "
              + row.outcome().epochsCompleted(),
          (a, b) -> a.equals(b) ? a : a + " | " + b);
    }
    return outcomes;
  }

  /**
   * With one slot, the points reach rung 1 one after another; none goes on before all four are
   * there (the top quarter of fewer than four is empty), then the kept points' legs go first. Rung
   * 2 likewise. The old staged run trained the same legs, stage by stage.
   */
  @Test
  void pointsShownWorseStopAtTheirRungAndTheRestTrainToTheEnd() {
    JobSpec job = job("pruned");
    Curves curves = new Curves();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    new PrunedSweep(curves, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(job, false, 1);
    String printed = console.toString(StandardCharsets.UTF_8);
    assertEquals(
        concat(
            List.of(
                legs("relu", 2),
                legs("elu", 2),
                legs("tanh", 2),
                legs("step", 2),
                legs("elu", 4),
                legs("relu", 4),
                legs("tanh", 4),
                legs("elu", 0),
                legs("relu", 0))),
        curves.legs,
        printed);
    assertEquals(
        Map.of(
            "elu", "finished epochs 8",
            "relu", "finished epochs 8",
            "step", "finished pruned_at_rung_1 2",
            "tanh", "finished pruned_at_rung_2 4"),
        outcomes(job));
    assertTrue(
        printed.contains(
            "rung 1 (epoch 2), every point there: 3 more go on; pruned: small_cnn step"),
        printed);

    PruningReport report =
        PruningReport.of(
            new RunRow.PruningDesign("[2, 4]", 0.25, "val_accuracy", 0.05),
            ResultsStore.open(job.results()).readTrials(),
            ResultsStore.open(job.results()).readEpochs());
    assertEquals(
        List.of("step 1 2 4 of 4", "tanh 2 4 3 of 3"),
        report.pruned().stream()
            .map(
                p ->
                    p.cell()
                        + " "
                        + p.rung()
                        + " "
                        + p.epoch()
                        + " "
                        + p.rank()
                        + " of "
                        + p.points())
            .toList());
    assertEquals(12 * 8, report.epochsFull());
    assertEquals(6 * 8 + 3 * 4 + 3 * 2, report.epochsRun());
  }

  /** A plan that reads each leg's record back decides as one handed the leg's outcome. */
  @Test
  void readingTheRecordBackDecidesTheSame() {
    Curves handed = new Curves();
    new PrunedSweep(handed, new PrintStream(new ByteArrayOutputStream()))
        .run(job("handed"), false, 1);
    Curves read = new Curves();
    read.handOutcomes = false;
    new PrunedSweep(read, new PrintStream(new ByteArrayOutputStream())).run(job("read"), false, 1);
    assertEquals(handed.legs, read.legs);
    assertEquals(outcomes(job("handed")), outcomes(job("read")));
  }

  @Test
  void aStoppedPrunedSweepResumesToTheSameEnd() {
    JobSpec whole = job("whole");
    new PrunedSweep(new Curves(), new PrintStream(new ByteArrayOutputStream()))
        .run(whole, false, 1);
    JobSpec stopped = job("stopped");
    Curves first = new Curves();
    first.limit = 15; // the first rung's 12 legs, then elu's 3 to rung 2
    SweepSummary summary =
        new PrunedSweep(first, new PrintStream(new ByteArrayOutputStream())).run(stopped, false, 1);
    assertTrue(summary.stop().stopped());
    Curves resumed = new Curves();
    new PrunedSweep(resumed, new PrintStream(new ByteArrayOutputStream())).run(stopped, true, 1);
    assertEquals(
        concat(List.of(legs("relu", 4), legs("tanh", 4), legs("elu", 0), legs("relu", 0))),
        resumed.legs,
        "the resumed run judges rung 1 again from the records, then goes on with the points not at"
            + " rung 2 yet");
    assertEquals(outcomes(whole), outcomes(stopped));
    assertFalse(outcomes(stopped).isEmpty());
  }
}
