package org.sweep4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.RunRow;
import org.sweep4j.results.TrialRow;

/**
 * An adaptive-seeds sweep end to end with real Spark, DL4J and Parquet on a few synthetic images:
 * plan, run in stages, the design recorded with each run, the report's account of the seeds
 * matching the trials recorded, and a resumed run that finds nothing left to add.
 */
class AdaptiveSeedsRunTest {
  @TempDir Path dir;

  @Test
  void stagesAreRecordedReportedAndResumable() throws Exception {
    Path results = dir.resolve("results");
    Path job = dir.resolve("adaptive.yaml");
    Files.writeString(
        job,
        """
        sweep: adaptive
        dataset: {source: synthetic, train_size: 64, test_size: 32}
        grid:
          activations: [relu, step]
          architectures: [tiny_cnn]
          seeds: {adaptive: {start: 2, step: 1, max: 3}}
        training: {epochs: 1, batch_size: 32, probe_size: 0}
        report: {min_difference: 0.05}
        output: {results: '%s'}
        """
            .formatted(results));
    CliRun plan = CliRun.execute("plan", job.toString());
    assertTrue(plan.out().contains("at least 4 trials, at most the 6 below"), plan.out());

    CliRun run = CliRun.execute("run", job.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("look at 2 seeds per cell: 2 of 2 grid points"), run.out());
    assertTrue(run.out().contains("every cell has stopped getting seeds"), run.out());

    ResultsStore store = ResultsStore.open(results.toString());
    List<RunRow> runs = store.readRuns();
    assertTrue(runs.size() >= 1 && runs.size() <= 2, "a run row per stage: " + runs);
    for (RunRow row : runs) {
      assertEquals(new RunRow.SeedDesign(2, 1, 3, 0.05, 0.05, "relu"), row.seedDesign());
    }
    Map<String, Integer> recorded = new TreeMap<>();
    for (TrialRow trial : store.readTrials()) {
      recorded.merge(trial.settings().activation(), 1, Integer::sum);
    }
    List<String> csv =
        Files.readAllLines(results.resolve("report/adaptive_seeds.csv"), StandardCharsets.UTF_8);
    assertEquals(3, csv.size(), String.join("\n", csv));
    for (String line : csv.subList(1, csv.size())) {
      String[] fields = line.split(",");
      assertEquals(recorded.get(fields[1]).toString(), fields[3], "the report's seeds for " + line);
    }
    String report = Files.readString(results.resolve("report/report.md"));
    assertTrue(report.contains("## Seeds on demand"), report);
    assertTrue(
        report.contains("; seeds on demand: "),
        "the comparison tables give the sequential verdict");
    // A later report without options decides at the job's ±0.05, as the run recorded it.
    CliRun rewritten = CliRun.execute("report", results.toString());
    assertEquals(0, rewritten.code(), rewritten.err());
    String rewrittenReport = Files.readString(results.resolve("report/report.md"));
    assertTrue(rewrittenReport.contains("within ±0.05 of relu"), rewrittenReport);

    CliRun again = CliRun.execute("run", job.toString());
    assertEquals(Main.INPUT_ERROR, again.code(), again.out());
    assertTrue(again.err().contains("--resume"), again.err());
    CliRun resumed = CliRun.execute("run", job.toString(), "--resume", "--no-report");
    assertEquals(0, resumed.code(), resumed.out() + resumed.err());
    assertTrue(resumed.out().contains("every cell has stopped getting seeds"), resumed.out());
    assertEquals(runs.size(), store.readRuns().size(), "nothing left to run, no run recorded");
  }
}
