package org.sweep4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.adaptive.AdaptiveSweep;
import org.sweep4j.adaptive.PrunedSweep;
import org.sweep4j.config.InputException;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.model.ActivationSampler;
import org.sweep4j.report.Reports;
import org.sweep4j.results.ResultsLocation;
import org.sweep4j.training.SparkSetup;
import org.sweep4j.training.SweepInterrupt;
import org.sweep4j.training.SweepRunner;
import org.sweep4j.training.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep4j run JOB.yaml}: trains every trial of the job and records them, then writes the
 * report.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a sweep: train every trial of JOB and record trials and epochs as Parquet tables.")
final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "JOB", description = "The job file (YAML), e.g. jobs/quickstart.yaml.")
  Path job;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else local[<cores>]).")
  String master;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description =
          "CIFAR-10 binary data (directory of *.bin files or cifar-10-binary.tar.gz); overrides the job's.")
  String data;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "Results directory; overrides the job's.")
  String results;

  @Option(
      names = "--resume",
      description =
          "Continue a sweep: skip trials already recorded as finished or diverged,"
              + " rerun failed ones.")
  boolean resume;

  @Option(
      names = "--no-report",
      description = "Do not write the report into RESULTS/report when the run ends.")
  boolean noReport;

  @Option(
      names = "--trials-at-once",
      defaultValue = "auto",
      paramLabel = "N|auto",
      description =
          "The most trials trained side by side, each on its own task slots (default: ${DEFAULT-VALUE}:"
              + " as many as the task slots Spark reports hold, following executors that join or leave).")
  String trialsAtOnce;

  @Option(
      names = "--ui",
      description = "Serve the Spark UI while the sweep runs (default: off in local mode).")
  boolean ui;

  @Override
  public Integer call() {
    int atOnce = trialsAtOnce(trialsAtOnce);
    JobSpec spec = JobFileParser.parse(job, data);
    if (results != null) {
      spec = spec.withResults(results);
    }
    ResultsLocation.requireWritable(spec.results());
    SparkSession spark = SparkSetup.session(master, "sweep4j " + spec.sweep(), ui);
    SweepSummary summary;
    try {
      SweepRunner runner = new SweepRunner(spark, System.out);
      if (spec.grid().adaptiveSeeds() != null) {
        summary = new AdaptiveSweep(runner::run, System.out).run(spec, resume, atOnce);
      } else if (spec.pruning() != null) {
        summary = new PrunedSweep(runner::run, System.out).run(spec, resume, atOnce);
      } else {
        summary = runner.run(spec, resume, atOnce);
      }
    } finally {
      spark.stop();
    }
    if (summary.stop().stopped()) {
      return SweepInterrupt.exitCode(summary.stop().signal());
    }
    if (noReport) {
      return summary.failed() > 0 ? 1 : 0;
    }
    if (Reports.localReportDir(summary.results()) == null) {
      System.out.println(
          "report: not written next to results on "
              + summary.results()
              + "; run 'sweep4j report "
              + summary.results()
              + " --out DIR'");
    } else {
      Path html =
          Reports.write(
              spec.results(),
              null,
              spec.baseline().equals(JobSpec.DEFAULT_BASELINE) ? null : spec.baseline(),
              spec.minDifference(),
              ActivationSampler::sample);
      System.out.println("report: " + html.toAbsolutePath());
    }
    return summary.failed() > 0 ? 1 : 0;
  }

  /** "auto" or a whole number of at least 1. */
  static int trialsAtOnce(String value) {
    if ("auto".equals(value)) {
      return SweepRunner.AUTO_TRIALS_AT_ONCE;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the valid forms
    }
    throw new InputException(
        "--trials-at-once takes a whole number of at least 1, or auto; found '" + value + "'");
  }
}
