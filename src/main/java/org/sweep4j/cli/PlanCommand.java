package org.sweep4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.SweepPlan;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.model.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep4j plan JOB.yaml}: the expanded grid, each model's layers, and the total work,
 * without training.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Show what JOB would run: trials and their ids, each model's layers and parameters, total work.")
final class PlanCommand implements Callable<Integer> {
  @Parameters(paramLabel = "JOB", description = "The job file (YAML).")
  Path job;

  @Override
  public Integer call() {
    JobSpec spec = JobFileParser.parse(job);
    System.out.print(
        SweepPlan.describe(
            spec,
            trial -> {
              ModelSummary summary = ModelSummary.of(ModelFactory.build(trial));
              return new SweepPlan.Model(summary.totalParams(), summary.format());
            }));
    return 0;
  }
}
