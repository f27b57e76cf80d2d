package org.sweep4j.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.sweep4j.config.Axis;
import org.sweep4j.config.JobSpec;

/**
 * What a job would run, as text: the sweep, its data and settings, every trial with its id and
 * parameter count, each distinct network's layers, and the total work.
 */
public final class SweepPlan {
  /** A trial's network as the plan shows it: its parameter count and its layer table. */
  public record Model(long params, String layers) {}

  /** A distinct network: an architecture with one layer table (activations may differ in both). */
  private record ModelKey(String architecture, String layers) {}

  private SweepPlan() {}

  /**
   * @param models a trial's network (the model stage knows how to build and summarise it)
   */
  public static String describe(JobSpec job, Function<TrialSpec, Model> models) {
    Grid grid = Grid.of(job);
    List<TrialSpec> trials = GridExpander.expand(job, grid);
    StringBuilder out = new StringBuilder();
    header(job, grid, trials, out);
    List<Axis> shown =
        grid.varyingAxes().stream()
            .filter(a -> a != Axis.ACTIVATION && a != Axis.ARCHITECTURE)
            .toList();
    Map<ModelKey, List<String>> users = new LinkedHashMap<>();
    for (int i = 0; i < trials.size(); i++) {
      TrialSpec trial = trials.get(i);
      Model model = models.apply(trial);
      out.append(trialLine(i + 1, trial, model, shown));
      List<String> activations =
          users.computeIfAbsent(
              new ModelKey(trial.architecture().label(), model.layers()), k -> new ArrayList<>());
      if (!activations.contains(trial.activation().label())) {
        activations.add(trial.activation().label());
      }
    }
    users.forEach(
        (model, activations) ->
            out.append(
                String.format(
                    "%n%s with %s:%n%s",
                    model.architecture(), String.join(", ", activations), model.layers())));
    footer(job, trials, out);
    return out.toString();
  }

  private static String trialLine(int number, TrialSpec trial, Model model, List<Axis> shown) {
    GridPoint point =
        new GridPoint(
            trial.activation(),
            trial.architecture(),
            trial.augmentation(),
            trial.training(),
            trial.distribution());
    return String.format(
        Locale.ROOT,
        "  %3d  %-52s %-10s %-24s seed %-4d %,d params%s%n",
        number,
        trial.id(),
        trial.architecture().label(),
        trial.activation().label(),
        trial.seed(),
        model.params(),
        shown.isEmpty() ? "" : "  " + point.describe(shown));
  }

  private static void header(JobSpec job, Grid grid, List<TrialSpec> trials, StringBuilder out) {
    out.append(
        String.format(
            "sweep %s%s%n",
            job.sweep(), job.description().isEmpty() ? "" : ": " + job.description()));
    out.append(
        String.format(
            "data: %s%s%n",
            job.dataset().canonical(),
            job.dataset().path() == null
                ? " (synthetic images, NOT CIFAR-10: give dataset.path or --data)"
                : " from " + job.dataset().path()));
    List<Axis> varying = grid.varyingAxes();
    GridPoint first = grid.points().get(0);
    out.append(
        String.format(
            "training: %s; distribution: %s; results: %s%n",
            first.training().canonical(), first.distribution().canonical(), job.results()));
    if (job.grid().search() != null) {
      out.append(String.format("search: %s%n", job.grid().search().describe()));
    }
    if (varying.stream().anyMatch(a -> a != Axis.ACTIVATION && a != Axis.ARCHITECTURE)) {
      out.append(String.format("(first grid point's settings; the axes below vary)%n"));
    }
    out.append(String.format("%n"));
    List<String> axes = new ArrayList<>();
    for (Axis axis : varying) {
      axes.add(axis.label() + " " + grid.axes().get(axis));
    }
    out.append(
        String.format(
            "%d trials = %d grid points x %d seeds%s%n",
            trials.size(),
            grid.points().size(),
            grid.seeds().size(),
            axes.isEmpty() ? "" : "; varying: " + String.join(", ", axes)));
    if (job.grid().adaptiveSeeds() != null) {
      out.append(
          String.format(
              "seeds %s: at least %d trials, at most the %d below%n",
              job.grid().adaptiveSeeds().describe(),
              grid.points().size() * job.grid().adaptiveSeeds().start(),
              trials.size()));
    }
  }

  private static void footer(JobSpec job, List<TrialSpec> trials, StringBuilder out) {
    long images = trials.stream().mapToLong(TrialSpec::trainingImages).sum();
    out.append(
        String.format(
            Locale.ROOT,
            "%ntotal work: %d trials x %d epochs x %,d images = %,d training images"
                + " (plus scoring of %,d test images per epoch)%n",
            trials.size(),
            job.shared().epochs(),
            job.dataset().trainSize(),
            images,
            job.dataset().testSize()));
    if (job.shared().earlyStopping() != null) {
      out.append(
          String.format(
              "early stopping may end trials sooner: %s%n",
              job.shared().earlyStopping().canonical()));
    }
    if (job.pruning() != null) {
      out.append(
          String.format(
              "pruning %s: trials pause at those epochs, the pruned points' trials stop there%n",
              job.pruning().describe()));
    }
    if (job.budget().isLimited()) {
      out.append(
          String.format(
              "budget: %s per run; trials start seed-major and those that would not"
                  + " fit are left for --resume%n",
              job.budget()));
    }
  }
}
