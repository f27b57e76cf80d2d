package org.sweep4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void planShowsTrialsLayersAndTotals() {
    CliRun plan = CliRun.execute("plan", "jobs/seed-selu-vs-relu.yaml");
    assertEquals(0, plan.code(), plan.err());
    assertTrue(
        plan.out().contains("6 trials = 2 grid points x 3 seeds; varying: activation [relu, selu]"),
        plan.out());
    assertTrue(
        plan.out().contains("total                                         42,442"), plan.out());
    assertTrue(
        plan.out().contains("6 trials x 50 epochs x 50,000 images = 15,000,000 training images"),
        plan.out());
    CliRun deep = CliRun.execute("plan", "jobs/seed-custom-activations.yaml");
    assertTrue(deep.out().contains("1,250,858"), deep.out());
  }

  @Test
  void badJobFileIsAnInputErrorWithItsMessage() {
    CliRun missing = CliRun.execute("run", "jobs/does-not-exist.yaml");
    assertEquals(Main.INPUT_ERROR, missing.code());
    assertEquals("error: jobs/does-not-exist.yaml: no such job file", missing.err().strip());
  }

  @Test
  void badTrialsAtOnceIsAnInputErrorNamingTheValidForms() {
    CliRun bad = CliRun.execute("run", "jobs/quickstart.yaml", "--trials-at-once", "two");
    assertEquals(Main.INPUT_ERROR, bad.code());
    assertEquals(
        "error: --trials-at-once takes a whole number of at least 1, or auto; found 'two'",
        bad.err().strip());
    assertEquals(
        Main.INPUT_ERROR,
        CliRun.execute("run", "jobs/quickstart.yaml", "--trials-at-once", "0").code());
  }

  @Test
  void onlyInputErrorsAreShownAsTheUsersMistake() {
    assertTrue(Main.isInputError(new org.sweep4j.config.JobFileException("job.yaml: bad")));
    assertTrue(Main.isInputError(new org.sweep4j.data.CifarFormatException("x.bin: short")));
    // A bug's IllegalArgumentException gets its stack trace, not "error: ..." and exit code 2.
    assertEquals(false, Main.isInputError(new IllegalArgumentException("index out of range")));
    CliRun bad = CliRun.execute("bench", "--activation", "nope", "--modes", "single");
    assertEquals(Main.INPUT_ERROR, bad.code(), bad.err());
    assertTrue(
        bad.err().strip().startsWith("error: --activation: unknown activation 'nope' (valid: "),
        bad.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"run", "plan", "sql", "report", "data", "data verify"}) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add("--help");
      CliRun help = CliRun.execute(args.toArray(String[]::new));
      assertEquals(0, help.code(), command);
      assertTrue(help.out().startsWith("Usage: sweep4j " + command), help.out());
    }
  }

  @Test
  void sqlInputErrorsNameWhatIsWrong() {
    CliRun both = CliRun.execute("sql", "results/x", "select 1", "--file", "q.sql");
    assertEquals(Main.INPUT_ERROR, both.code());
    assertEquals("error: give either a QUERY or --file FILE (both given)", both.err().strip());
    CliRun missing = CliRun.execute("sql", "results/x", "--file", "no-such-query.sql");
    assertEquals(Main.INPUT_ERROR, missing.code());
    assertTrue(
        missing.err().startsWith("error: cannot read --file no-such-query.sql"), missing.err());
    CliRun rows = CliRun.execute("sql", "results/x", "select 1", "--max-rows", "-1");
    assertEquals(Main.INPUT_ERROR, rows.code(), "before: fromIndex(0) > toIndex(-1)");
    assertEquals("error: --max-rows takes a whole number of 0 or more; found -1\n", rows.err());
    CliRun format = CliRun.execute("sql", "results/x", "select 1", "--format", "xml");
    assertEquals(Main.INPUT_ERROR, format.code());
    assertTrue(
        format.err().contains("unknown format 'xml' (valid: table, csv, json)"), format.err());
  }

  @Test
  void reportsGoBesideLocalResultsOnly() {
    assertEquals(
        java.nio.file.Path.of("/tmp/r/report"),
        org.sweep4j.report.Reports.localReportDir("file:/tmp/r"));
    assertEquals(
        java.nio.file.Path.of("/tmp/my results/report"),
        org.sweep4j.report.Reports.localReportDir("file:/tmp/my results"),
        "a results location is a path, not an encoded URI: before, a space was refused");
    assertEquals(null, org.sweep4j.report.Reports.localReportDir("hdfs://namenode:8020/sweeps/r"));
  }

  /** Before, Spark started and the run crashed with a stack trace (or after training a trial). */
  @Test
  void aResultsLocationThatCannotHoldResultsIsRefusedBeforeSparkStarts(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("results"), "x");
    CliRun run = CliRun.execute("run", "jobs/quickstart.yaml", "--results", file.toString());
    assertEquals(Main.INPUT_ERROR, run.code(), run.err());
    assertEquals("error: results location " + file + " is a file, not a directory\n", run.err());
    assertEquals("", run.out(), "no Spark, no sweep header");
    CliRun delta = CliRun.execute("report", file.toString(), "--min-difference", "5");
    assertEquals(Main.INPUT_ERROR, delta.code());
    assertTrue(delta.err().contains("--min-difference takes an accuracy difference"), delta.err());
    CliRun report = CliRun.execute("report", file.toString());
    assertEquals(Main.INPUT_ERROR, report.code());
    assertTrue(report.err().contains("it is a file, not a results directory"), report.err());
  }

  @Test
  void planCountsAndNamesEveryVaryingAxis(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path job =
        java.nio.file.Files.writeString(
            dir.resolve("axes.yaml"),
            """
        sweep: axes
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1], augmentations: [none, crop_flip]}
        training: {epochs: 1, batch_size: 16, learning_rate: [0.001, 0.01], early_stopping: {patience: 2}}
        distribution: {workers: [1, 2]}
        budget: {max_hours: 0.5}
        """);
    CliRun plan = CliRun.execute("plan", job.toString());
    assertEquals(0, plan.code(), plan.err());
    assertTrue(
        plan.out()
            .contains(
                "8 trials = 8 grid points x 1 seeds; varying: augmentation [none, crop_flip],"
                    + " learning_rate [0.001, 0.01], workers [1, 2], batch_size_per_worker [16, 8]"),
        plan.out());
    assertTrue(
        plan.out()
            .contains(
                "augmentation=crop_flip, learning_rate=0.01, workers=2, batch_size_per_worker=8"),
        plan.out());
    assertTrue(
        plan.out()
            .contains("early stopping may end trials sooner: patience=2,min_delta=0,restore=false"),
        plan.out());
    assertTrue(plan.out().contains("budget: 0.50 h per run"), plan.out());
  }
}
