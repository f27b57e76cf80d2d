package org.sweep4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweep4j.report.Comparison;
import org.sweep4j.report.ReportWriter;
import org.sweep4j.results.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweep4j report RESULTS}: the comparison report as Markdown and HTML. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a comparison report (report.md, index.html with plots) for a results directory.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RESULTS", description = "The results directory.")
  String results;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: RESULTS/report).")
  Path out;

  @Override
  public Integer call() {
    Path html = writeReport(results, out);
    System.out.println("report: " + html.toAbsolutePath());
    return 0;
  }

  static Path writeReport(String results, Path out) {
    ResultsStore store = ResultsStore.open(results);
    if (!store.hasTable(ResultsStore.TRIALS)) {
      throw new IllegalArgumentException(store.location() + ": no trials table here (run 'sweep4j run' first)");
    }
    Comparison comparison = Comparison.of(store.readTrials(), store.readEpochs());
    Path dir = out != null ? out : Path.of(java.net.URI.create(store.location()).getPath(), "report");
    return ReportWriter.write(comparison, "sweep4j report: " + results, dir);
  }
}
