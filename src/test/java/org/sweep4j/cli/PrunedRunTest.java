package org.sweep4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * A pruned sweep end to end with real Spark, DL4J and Parquet on a few synthetic images, in one
 * run: trials pause at the rung with their checkpoint, the survivors resume from it to the last
 * epoch, the pruned points are recorded as finished at the rung, and the report accounts for them.
 */
class PrunedRunTest {
  @TempDir Path dir;

  @Test
  void trialsPauseAtTheRungAndSurvivorsResumeToTheEnd() throws Exception {
    Path results = dir.resolve("results");
    Path job = dir.resolve("pruned.yaml");
    Files.writeString(
        job,
        """
        sweep: pruned
        dataset: {source: synthetic, train_size: 64, test_size: 32}
        grid: {activations: [relu, step], architectures: [tiny_cnn], seeds: [1, 2, 3]}
        training: {epochs: 3, batch_size: 32, probe_size: 0}
        pruning: {rungs: [1], keep: 0.5}
        output: {results: '%s'}
        """
            .formatted(results));
    CliRun run = CliRun.execute("run", job.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("rung 1 (epoch 1), every point there: "), run.out());

    ResultsStore store = ResultsStore.open(results.toString());
    List<TrialRow> trials = store.readTrials();
    assertEquals(6, trials.size());
    int survivors = 0;
    for (TrialRow trial : trials) {
      TrialRow.Outcome outcome = trial.outcome();
      assertEquals(TrialStatus.FINISHED, outcome.status(), trial.toString());
      if (outcome.prunedAtRung() == 1) {
        assertEquals(1, outcome.epochsCompleted(), trial.toString());
        assertEquals("pruned_at_rung_1", outcome.stopReason());
      } else {
        survivors++;
        assertEquals(3, outcome.epochsCompleted(), trial.toString());
      }
    }
    assertTrue(survivors >= 3, "the best point goes on");
    assertEquals(
        survivors,
        run.out().split("resumes after epoch 1 of 3", -1).length - 1,
        "every survivor goes on from its checkpoint:\n" + run.out());
    assertEquals(
        trials.stream().mapToInt(t -> t.outcome().epochsCompleted()).sum(),
        store.readEpochs().size());
    assertFalse(Files.exists(results.resolve("_checkpoints")), "settled trials keep none");
    // One run, its paused legs not counted as interrupted (the staged runs counted every pause).
    List<RunRow> runs = store.readRuns();
    assertEquals(1, runs.size());
    RunRow row = runs.get(0);
    assertEquals(new RunRow.PruningDesign("[1]", 0.5, "val_accuracy", 0.05), row.pruningDesign());
    assertEquals(6, row.finished());
    assertEquals(0, row.interrupted());
    assertEquals(
        64L * trials.stream().mapToInt(t -> t.outcome().epochsCompleted()).sum(),
        row.imagesTrained(),
        "every epoch trained once, none counted twice across legs");
    String report = Files.readString(results.resolve("report/report.md"));
    assertTrue(report.contains("## Pruning: what it saved and what it risked"), report);
    assertTrue(Files.exists(results.resolve("report/pruning.csv")));
  }
}
