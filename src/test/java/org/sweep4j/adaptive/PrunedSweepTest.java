package org.sweep4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
import org.sweep4j.training.SweepSummary;

/**
 * The stages of a pruned sweep on synthetic learning curves in a real results directory (no
 * training): which trials each stage trains and to which epoch, what is recorded for the pruned
 * points, that a stopped sweep resumes to the same end, and that the report's replay finds the same
 * pruned points with their evidence.
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
   * Trains each trial (in the sense of recording its synthetic curve) from its recorded epochs to
   * {@code pauseAfter} or the end; stops after {@code limit} trials.
   */
  private static final class Curves implements Stage {
    final List<String> stages = new ArrayList<>();
    int limit = Integer.MAX_VALUE;
    int total;

    @Override
    public SweepSummary run(
        JobSpec job, boolean resume, int atOnce, List<TrialSpec> trials, int pauseAfter) {
      stages.add(
          trials.stream()
                  .map(t -> t.activation().label() + " " + t.seed())
                  .collect(Collectors.joining(", "))
              + " -> "
              + pauseAfter);
      ResultsStore store = ResultsStore.open(job.results());
      for (TrialSpec trial : trials) {
        if (total == limit) {
          return new SweepSummary(
              0, 0, 0, 0, 0, 0, new SweepSummary.Stop("SIGTERM", 0, 1), job.results());
        }
        total++;
        int last = pauseAfter == 0 ? trial.training().epochs() : pauseAfter;
        List<EpochRow> epochs = new ArrayList<>();
        for (int e = 1; e <= last; e++) {
          double acc = accuracy(trial.activation().label(), trial.seed(), e);
          epochs.add(new EpochRow(trial.id(), e, 1, acc, 1 - acc, acc, 1, 1));
        }
        double end = epochs.get(last - 1).valAccuracy();
        store.record(
            TrialRowBuilder.trial(trial.id())
                .sweep(job.sweep())
                .activation(trial.activation().label())
                .seed(trial.seed())
                .epochs(trial.training().epochs())
                .completed(last)
                .status(pauseAfter == 0 ? TrialStatus.FINISHED : TrialStatus.INTERRUPTED)
                .accuracies(end, end, last)
                .build(),
            epochs);
      }
      return new SweepSummary(trials.size(), 0, 0, 0, 0, 0, job.results());
    }
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

  @Test
  void pointsShownWorseStopAtTheirRungAndTheRestTrainToTheEnd() {
    JobSpec job = job("pruned");
    Curves curves = new Curves();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    new PrunedSweep(curves, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(job, false, 1);
    String printed = console.toString(StandardCharsets.UTF_8);
    assertEquals(
        List.of(
            "relu 1, elu 1, tanh 1, step 1, relu 2, elu 2, tanh 2, step 2, relu 3, elu 3, tanh 3,"
                + " step 3 -> 2",
            "relu 1, elu 1, tanh 1, relu 2, elu 2, tanh 2, relu 3, elu 3, tanh 3 -> 4",
            "relu 1, elu 1, relu 2, elu 2, relu 3, elu 3 -> 0"),
        curves.stages,
        printed);
    assertEquals(
        Map.of(
            "elu", "finished epochs 8",
            "relu", "finished epochs 8",
            "step", "finished pruned_at_rung_1 2",
            "tanh", "finished pruned_at_rung_2 4"),
        outcomes(job));
    assertTrue(printed.contains("rung 1 (epoch 2): 3 of 4 points go on; pruned: small_cnn step"));

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

  @Test
  void aStoppedPrunedSweepResumesToTheSameEnd() {
    JobSpec whole = job("whole");
    new PrunedSweep(new Curves(), new PrintStream(new ByteArrayOutputStream()))
        .run(whole, false, 1);
    JobSpec stopped = job("stopped");
    Curves first = new Curves();
    first.limit = 15; // the first rung's 12 trials, then 3 of the second's 9
    SweepSummary summary =
        new PrunedSweep(first, new PrintStream(new ByteArrayOutputStream())).run(stopped, false, 1);
    assertTrue(summary.stop().stopped());
    Curves resumed = new Curves();
    new PrunedSweep(resumed, new PrintStream(new ByteArrayOutputStream())).run(stopped, true, 1);
    assertEquals(
        "relu 2, elu 2, tanh 2, relu 3, elu 3, tanh 3 -> 4",
        resumed.stages.get(0),
        "the resumed run goes on at rung 2 with the trials not there yet");
    assertEquals(outcomes(whole), outcomes(stopped));
    assertFalse(outcomes(stopped).isEmpty());
  }
}
