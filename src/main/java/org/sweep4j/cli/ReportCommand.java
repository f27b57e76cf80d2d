package org.sweep4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweep4j.config.InputException;
import org.sweep4j.model.ActivationSampler;
import org.sweep4j.report.Reports;
import org.sweep4j.results.ResultsLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep4j report RESULTS}: the comparison report. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write a comparison report (index.html, report.md, summary.csv, comparisons.csv, anova.csv,"
            + " figures/) for a"
            + " results directory.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RESULTS", description = "The results directory.")
  String results;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the report (default: RESULTS/report).")
  Path out;

  @Option(
      names = "--baseline",
      paramLabel = "ACTIVATION",
      description =
          "The activation every other one is tested against (default: the one an adaptive-seeds"
              + " run recorded, else relu).")
  String baseline;

  @Option(
      names = "--min-difference",
      paramLabel = "DELTA",
      description =
          "The smallest accuracy difference that matters: an activation within it of the baseline"
              + " is equivalent (default: the job's report.min_difference as an adaptive-seeds run"
              + " recorded it, else 0.01, one point; run writes the report with the job's).")
  Double minDifference;

  @Override
  public Integer call() {
    if (minDifference != null && !(minDifference > 0 && minDifference < 1)) {
      throw new InputException(
          "--min-difference takes an accuracy difference above 0 and below 1, found "
              + minDifference);
    }
    ResultsLocation.requireReadable(results);
    Path html = Reports.write(results, out, baseline, minDifference, ActivationSampler::sample);
    System.out.println("report: " + html.toAbsolutePath());
    return 0;
  }
}
