package org.sweep4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sweep4j.config.Axis;
import org.sweep4j.config.GridPoint;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;
import org.sweep4j.grid.GridExpander;
import org.sweep4j.grid.TrialSpec;
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
    List<TrialSpec> trials = GridExpander.expand(spec);
    System.out.printf(
        "sweep %s%s%n",
        spec.sweep(), spec.description().isEmpty() ? "" : ": " + spec.description());
    System.out.printf(
        "data: %s%s%n",
        spec.dataset().canonical(),
        spec.dataset().path() == null ? "" : " from " + spec.dataset().path());
    List<Axis> varying = spec.grid().varyingAxes();
    System.out.printf(
        "training: %s; distribution: %s; results: %s%n",
        spec.training().canonical(), spec.distribution().canonical(), spec.results());
    if (varying.stream().anyMatch(a -> a != Axis.ACTIVATION && a != Axis.ARCHITECTURE)) {
      System.out.println("(first grid point's settings; the axes below vary)");
    }
    System.out.println();
    List<String> axes = new java.util.ArrayList<>();
    for (Axis axis : varying) {
      axes.add(axis.label() + " " + spec.grid().axes().get(axis));
    }
    System.out.printf(
        "%d trials = %d grid points x %d seeds%s%n",
        trials.size(),
        spec.grid().points().size(),
        spec.grid().seeds().size(),
        axes.isEmpty() ? "" : "; varying: " + String.join(", ", axes));
    List<Axis> shown =
        varying.stream().filter(a -> a != Axis.ACTIVATION && a != Axis.ARCHITECTURE).toList();
    Map<String, ModelSummary> models = new LinkedHashMap<>();
    Map<String, List<String>> modelUsers = new LinkedHashMap<>();
    for (int i = 0; i < trials.size(); i++) {
      TrialSpec trial = trials.get(i);
      ModelSummary summary = ModelSummary.of(ModelFactory.build(trial));
      GridPoint point =
          new GridPoint(
              trial.activation(),
              trial.architecture(),
              trial.augmentation(),
              trial.training(),
              trial.distribution());
      String settings = shown.isEmpty() ? "" : "  " + point.describe(shown);
      System.out.printf(
          "  %3d  %-52s %-10s %-24s seed %-4d %,d params%s%n",
          i + 1,
          trial.id(),
          trial.architecture().label(),
          trial.activation().label(),
          trial.seed(),
          summary.totalParams(),
          settings);
      String key = trial.architecture().label() + "\n" + summary.format();
      models.putIfAbsent(key, summary);
      List<String> users = modelUsers.computeIfAbsent(key, k -> new java.util.ArrayList<>());
      if (!users.contains(trial.activation().label())) {
        users.add(trial.activation().label());
      }
    }
    for (Map.Entry<String, ModelSummary> model : models.entrySet()) {
      String architecture = model.getKey().substring(0, model.getKey().indexOf('\n'));
      System.out.printf(
          "%n%s with %s:%n%s",
          architecture,
          String.join(", ", modelUsers.get(model.getKey())),
          model.getValue().format());
    }
    long images = trials.stream().mapToLong(TrialSpec::trainingImages).sum();
    System.out.printf(
        "%ntotal work: %d trials x %d epochs x %,d images = %,d training images"
            + " (plus scoring of %,d test images per epoch)%n",
        trials.size(),
        spec.training().epochs(),
        spec.dataset().trainSize(),
        images,
        spec.dataset().testSize());
    if (spec.training().earlyStopping() != null) {
      System.out.println(
          "early stopping may end trials sooner: " + spec.training().earlyStopping().canonical());
    }
    if (spec.budget().isLimited()) {
      System.out.println(
          "budget: "
              + spec.budget()
              + " per run; trials start seed-major and those that would not"
              + " fit are left for --resume");
    }
    return 0;
  }
}
