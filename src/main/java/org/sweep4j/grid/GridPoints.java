package org.sweep4j.grid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.sweep4j.config.Axis;
import org.sweep4j.config.AxisValues;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.GridSpec;
import org.sweep4j.config.JobFileException;
import org.sweep4j.config.Optimizer;
import org.sweep4j.config.SharedTraining;
import org.sweep4j.config.TrainingSpec;

/**
 * Makes a grid's points: the product of every axis's values, or, with combinations, the union of
 * one product per combination (each narrows the axes it names to its values), each crossed with the
 * points a search draws of the settings given as distributions, minus every point an exclusion
 * names. A point's learning rate defaults to its optimizer's Keras default; of batch size, workers
 * and batch size per worker, a missing one follows from the others. Every error names the job file
 * and the key, or the point.
 */
public final class GridPoints {
  /** Images per synchronous step when a job gives neither batch size. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  /** Keras's default learning rates: SGD's, and the adaptive optimizers'. */
  static final double SGD_LEARNING_RATE = 0.01;

  static final double ADAPTIVE_LEARNING_RATE = 0.001;

  private GridPoints() {}

  public static List<GridPoint> expand(GridSpec grid, SharedTraining shared) {
    List<AxisValues> listed =
        grid.combinations().isEmpty()
            ? List.of(grid.axes())
            : grid.combinations().stream().map(c -> grid.axes().narrowedBy(c)).toList();
    List<AxisValues> products = new ArrayList<>(listed);
    if (grid.search() != null) {
      // Each drawn point, crossed with the listed axes.
      products.clear();
      for (AxisValues drawn : SearchPoints.draw(grid.search())) {
        listed.forEach(product -> products.add(product.narrowedBy(drawn)));
      }
    }
    // Messages about one point name the axes that vary (all of them would bury the ones that
    // matter).
    Set<Axis> varying = EnumSet.noneOf(Axis.class);
    for (AxisValues product : products) {
      for (Axis axis : Axis.values()) {
        if (product.count(axis) > 1 || products.size() > 1) {
          varying.add(axis);
        }
      }
    }
    Set<GridPoint> points = new LinkedHashSet<>();
    for (AxisValues product : products) {
      for (int[] choice : choices(product)) {
        points.add(point(grid.file(), product, choice, varying, shared));
      }
    }
    List<GridPoint> kept = new ArrayList<>(points);
    for (Map<Axis, Set<String>> excluded : grid.exclusions()) {
      if (!kept.removeIf(p -> p.matches(excluded))) {
        StringJoiner named = new StringJoiner(", ", "{", "}");
        excluded.forEach((axis, labels) -> named.add(axis.label() + "=" + labels));
        throw new JobFileException(
            grid.file()
                + ": grid.exclude: no grid point has "
                + named
                + "; check the names and values");
      }
    }
    if (kept.isEmpty()) {
      throw new JobFileException(
          grid.file() + ": grid.exclude: excludes every grid point; nothing would run");
    }
    return kept;
  }

  /**
   * Every choice of one value index per axis ({@code choice[axis.ordinal()]}), in {@link Axis}
   * order with the last axis (activation) varying fastest.
   */
  static List<int[]> choices(AxisValues values) {
    List<int[]> choices = new ArrayList<>();
    choices.add(new int[Axis.values().length]);
    for (Axis axis : Axis.values()) {
      List<int[]> next = new ArrayList<>();
      for (int[] partial : choices) {
        for (int i = 0; i < values.count(axis); i++) {
          int[] extended = partial.clone();
          extended[axis.ordinal()] = i;
          next.add(extended);
        }
      }
      choices = next;
    }
    return choices;
  }

  private static GridPoint point(
      String file, AxisValues v, int[] c, Set<Axis> varying, SharedTraining shared) {
    String where = varying.isEmpty() ? "" : "grid point (" + describe(v, c, varying) + "): ";
    Optimizer optimizer = v.optimizers().get(c[Axis.OPTIMIZER.ordinal()]);
    Double rate = v.learningRates().get(c[Axis.LEARNING_RATE.ordinal()]);
    int workers = v.workers().get(c[Axis.WORKERS.ordinal()]);
    int[] batches =
        batches(
            file + ": " + where,
            workers,
            v.batchSizes().get(c[Axis.BATCH_SIZE.ordinal()]),
            v.batchSizesPerWorker().get(c[Axis.BATCH_SIZE_PER_WORKER.ordinal()]));
    try {
      TrainingSpec training =
          new TrainingSpec(
              shared.epochs(),
              batches[0],
              optimizer,
              rate != null ? rate : defaultLearningRate(optimizer),
              shared.trainEvalSize(),
              shared.probeSize(),
              v.dropoutScales().get(c[Axis.DROPOUT_SCALE.ordinal()]),
              v.weightInits().get(c[Axis.WEIGHT_INIT.ordinal()]),
              shared.earlyStopping());
      DistributionSpec distribution =
          new DistributionSpec(
              workers,
              v.averagingFrequencies().get(c[Axis.AVERAGING_FREQUENCY.ordinal()]),
              batches[1]);
      return new GridPoint(
          v.activations().get(c[Axis.ACTIVATION.ordinal()]),
          v.architectures().get(c[Axis.ARCHITECTURE.ordinal()]),
          v.augmentations().get(c[Axis.AUGMENTATION.ordinal()]),
          training,
          distribution);
    } catch (IllegalArgumentException e) {
      throw new JobFileException(file + ": " + where + e.getMessage(), e);
    }
  }

  /** Keras's default learning rate of {@code optimizer}. */
  static double defaultLearningRate(Optimizer optimizer) {
    return optimizer == Optimizer.SGD || optimizer == Optimizer.SGD_MOMENTUM
        ? SGD_LEARNING_RATE
        : ADAPTIVE_LEARNING_RATE;
  }

  /**
   * {global batch, batch per worker}: a missing one follows from the other and the workers (32
   * images when neither is given).
   */
  private static int[] batches(String where, int workers, Integer batch, Integer perWorker) {
    if (perWorker != null) {
      return new int[] {batch == null ? workers * perWorker : batch, perWorker};
    }
    int global = batch == null ? DEFAULT_BATCH_SIZE : batch;
    if (workers < 1 || global % workers != 0) {
      throw new JobFileException(
          where
              + "distribution.workers: training.batch_size "
              + global
              + " does not split evenly over "
              + workers
              + " workers; set distribution.batch_size_per_worker");
    }
    return new int[] {global, global / workers};
  }

  private static String describe(AxisValues values, int[] choice, Set<Axis> axes) {
    StringJoiner parts = new StringJoiner(", ");
    for (Axis axis : axes) {
      String label = values.label(axis, choice[axis.ordinal()]);
      if (label != null) {
        parts.add(axis.label() + "=" + label);
      }
    }
    return parts.toString();
  }
}
