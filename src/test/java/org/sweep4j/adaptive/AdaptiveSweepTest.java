package org.sweep4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.report.AdaptiveSeedsReport;
import org.sweep4j.report.SeedLooks;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialRowBuilder;
import org.sweep4j.results.TrialStatus;
import org.sweep4j.training.PausePlan;
import org.sweep4j.training.SweepSummary;

/**
 * The staging of an adaptive-seeds sweep, with synthetic outcomes in place of training (the stages
 * record trial rows in a real results directory): which trials each stage runs, that a stopped
 * sweep resumes at the look it reached with the same verdicts, and that the report's replay agrees
 * with the driver.
 */
class AdaptiveSweepTest {
  @TempDir Path dir;

  /** Seed-to-seed noise, a fixed draw so the verdicts are the same on every machine. */
  private static final double[] Z = {
    0.3, -1.1, 0.8, -0.4, 1.5, -0.9, 0.1, 0.6, -1.3, 0.2, 1.0, -0.5
  };

  /** relu at 0.70, tanh 0.005 above it (undecided for a while), sigmoid 0.2 below (clear). */
  private static double accuracy(String activation, long seed) {
    int i = (int) seed - 1;
    return switch (activation) {
      case "relu" -> 0.70 + 0.004 * Z[i];
      case "tanh" -> 0.705 + 0.004 * Z[(i + 4) % Z.length];
      default -> 0.50 + 0.004 * Z[(i + 8) % Z.length];
    };
  }

  private JobSpec job(String name) {
    return job(name, "");
  }

  private JobSpec job(String name, String extra) {
    return JobFileParser.parse(
        name + ".yaml",
        """
        sweep: %s
        grid:
          activations: [relu, tanh, sigmoid]
          architectures: [small_cnn]
          seeds: {adaptive: {start: 3, step: 1, max: 6}}
        training: {epochs: 1, batch_size: 32}
        output: {results: '%s'}
        """
                .formatted(name, dir.resolve(name))
            + extra);
  }

  /** Records each trial as finished with its synthetic accuracy; stops after {@code limit}. */
  private static final class Recorder implements Stage {
    final List<List<TrialSpec>> stages = new ArrayList<>();
    int limit = Integer.MAX_VALUE;
    int total;

    @Override
    public SweepSummary run(
        JobSpec job, boolean resume, int atOnce, List<TrialSpec> trials, PausePlan plan) {
      stages.add(trials);
      ResultsStore store = ResultsStore.open(job.results());
      int recorded = 0;
      for (TrialSpec trial : trials) {
        if (total == limit) {
          return new SweepSummary(
              recorded,
              0,
              0,
              0,
              0,
              0,
              new SweepSummary.Stop("SIGTERM", 0, trials.size() - recorded),
              job.results());
        }
        double accuracy = accuracy(trial.activation().label(), trial.seed());
        store.record(
            TrialRowBuilder.trial(trial.id())
                .sweep(job.sweep())
                .activation(trial.activation().label())
                .seed(trial.seed())
                .accuracies(accuracy, accuracy, 1)
                .build(),
            List.of());
        recorded++;
        total++;
      }
      return new SweepSummary(recorded, 0, 0, 0, 0, 0, job.results());
    }
  }

  private static String labels(List<TrialSpec> stage) {
    return stage.stream()
        .map(t -> t.activation().label() + " " + t.seed())
        .collect(Collectors.joining(", "));
  }

  /** Seeds recorded per activation. */
  private static Map<String, Integer> seedsPerCell(JobSpec job) {
    Map<String, Integer> seeds = new TreeMap<>();
    for (TrialRow row : ResultsStore.open(job.results()).readTrials()) {
      seeds.merge(row.settings().activation(), 1, Integer::sum);
    }
    return seeds;
  }

  @Test
  void onlyUndecidedCellsAndTheirBaselineGetMoreSeeds() {
    JobSpec job = job("staged");
    Recorder stages = new Recorder();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    new AdaptiveSweep(stages, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(job, false, 1);
    String printed = console.toString(StandardCharsets.UTF_8);
    assertEquals(
        "relu 1, tanh 1, sigmoid 1, relu 2, tanh 2, sigmoid 2, relu 3, tanh 3, sigmoid 3",
        labels(stages.stages.get(0)),
        "the first look: every cell's first three seeds, seed-major");
    assertTrue(stages.stages.size() > 1, printed);
    for (List<TrialSpec> later : stages.stages.subList(1, stages.stages.size())) {
      assertEquals(
          Set.of("relu", "tanh"),
          later.stream().map(t -> t.activation().label()).collect(Collectors.toSet()),
          "sigmoid is decided worse at the first look: " + labels(later));
      assertEquals(2, later.size(), "one more seed each: " + labels(later));
    }
    Map<String, Integer> seeds = seedsPerCell(job);
    assertEquals(3, seeds.get("sigmoid"));
    assertTrue(seeds.get("tanh") > 3, seeds.toString());
    assertEquals(seeds.get("tanh"), seeds.get("relu"), "the baseline runs while tanh is open");

    // The report replays the same looks from the tables to the same seeds and reasons.
    AdaptiveSeedsReport report =
        AdaptiveSeedsReport.of(
            new RunRow.SeedDesign(3, 1, 6, 0.05, job.minDifference(), "relu"),
            ResultsStore.open(job.results()).readTrials());
    assertEquals(0, report.pendingLook());
    for (AdaptiveSeedsReport.Row row : report.rows()) {
      assertEquals(seeds.get(row.cell()), row.outcome().seeds(), row.cell());
    }
    AdaptiveSeedsReport.Row sigmoid =
        report.rows().stream().filter(r -> r.cell().equals("sigmoid")).findFirst().orElseThrow();
    assertEquals("worse than relu", SeedLooks.why(sigmoid.outcome(), "relu"));
    assertTrue(printed.contains("worse than small_cnn relu"), printed);
  }

  @Test
  void aStoppedSweepResumesAtItsLookWithTheSameVerdicts() {
    JobSpec whole = job("whole");
    new AdaptiveSweep(new Recorder(), new PrintStream(new ByteArrayOutputStream()))
        .run(whole, false, 1);

    JobSpec stopped = job("stopped");
    Recorder first = new Recorder();
    first.limit = 10; // the first stage's 9 trials, then one of the second look's
    SweepSummary summary =
        new AdaptiveSweep(first, new PrintStream(new ByteArrayOutputStream()))
            .run(stopped, false, 1);
    assertTrue(summary.stop().stopped());
    assertEquals(2, first.stages.size(), "the second stage was stopped, no third began");
    Recorder resumed = new Recorder();
    new AdaptiveSweep(resumed, new PrintStream(new ByteArrayOutputStream())).run(stopped, true, 1);
    assertEquals(
        1,
        resumed.stages.get(0).size(),
        "the resumed look runs only its missing trial: " + labels(resumed.stages.get(0)));
    assertEquals(seedsPerCell(whole), seedsPerCell(stopped));
  }

  /** Before, each stage got the whole budget again. */
  @Test
  void theStagesShareOneBudget() {
    // The stages' trials record two epochs each: the first look's nine spend all 18.
    JobSpec job = job("budget", "budget: {max_epochs: 18}\n");
    Recorder stages = new Recorder();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    new AdaptiveSweep(stages, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(job, false, 1);
    assertEquals(1, stages.stages.size(), console.toString(StandardCharsets.UTF_8));
    assertTrue(
        console.toString(StandardCharsets.UTF_8).contains("budget (18 epochs) reached"),
        console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCellWhoseTrialsDidNotSettleEndsTheRun() {
    JobSpec job = job("failing");
    List<List<TrialSpec>> stages = new ArrayList<>();
    Stage failing =
        (j, resume, atOnce, trials, plan) -> {
          stages.add(trials);
          ResultsStore store = ResultsStore.open(j.results());
          for (TrialSpec trial : trials) {
            store.record(
                TrialRowBuilder.trial(trial.id())
                    .sweep(j.sweep())
                    .activation(trial.activation().label())
                    .seed(trial.seed())
                    .status(TrialStatus.FAILED)
                    .error("out of memory")
                    .build(),
                List.of());
          }
          return new SweepSummary(0, 0, trials.size(), 0, 0, 0, j.results());
        };
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    new AdaptiveSweep(failing, new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(job, false, 1);
    assertEquals(1, stages.size(), "no look decides on missing seeds");
    assertTrue(
        console.toString(StandardCharsets.UTF_8).contains("--resume"),
        console.toString(StandardCharsets.UTF_8));
  }
}
