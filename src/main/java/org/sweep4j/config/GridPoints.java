package org.sweep4j.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a job file's grid points. Each {@link Axis} takes its values from one key, a single value
 * or a list: {@code grid.activations}, {@code grid.architectures}, {@code grid.augmentations} (or
 * {@code training.augmentation}), {@code training.optimizer}, {@code learning_rate}, {@code
 * batch_size}, {@code dropout_scale}, {@code weight_init}, {@code distribution.workers}, {@code
 * averaging_frequency}, {@code batch_size_per_worker}. The points are the product of those lists,
 * or, with {@code grid.combinations}, the union of one product per combination (each combination
 * narrows the axes it names to its values), minus every point {@code grid.exclude} names. Every
 * error names the file, the key and the value, or the point.
 */
final class GridPoints {
  private GridPoints() {}

  /**
   * The lists of one product: typed values per axis, null standing for "derive it" (learning rate,
   * batch sizes).
   */
  private record Lists(Map<Axis, List<Object>> values) {
    Lists with(Axis axis, List<Object> narrowed) {
      Map<Axis, List<Object>> copy = new EnumMap<>(values);
      copy.put(axis, narrowed);
      return new Lists(copy);
    }
  }

  static List<GridPoint> parse(YamlSection grid, YamlSection training, YamlSection distribution) {
    Lists lists = lists(grid, training, distribution);
    List<Lists> products = new ArrayList<>();
    if (grid.has("combinations")) {
      for (Object entry : grid.list("combinations")) {
        Lists narrowed = lists;
        for (Map.Entry<Axis, List<Object>> value :
            axisValues(grid, "combinations", entry).entrySet()) {
          narrowed = narrowed.with(value.getKey(), value.getValue());
        }
        products.add(narrowed);
      }
    } else {
      products.add(lists);
    }
    int epochs = training.requiredInteger("epochs");
    int trainEval = training.integer("train_eval_size", 10_000);
    int probe = training.integer("probe_size", TrainingSpec.DEFAULT_PROBE_SIZE);
    EarlyStopping stopping = earlyStopping(training);
    Set<GridPoint> points = new LinkedHashSet<>();
    // Messages about one point name the axes that vary (all of them would bury the ones that
    // matter).
    Set<Axis> varying = java.util.EnumSet.noneOf(Axis.class);
    for (Lists product : products) {
      product
          .values()
          .forEach(
              (axis, list) -> {
                if (list.size() > 1 || products.size() > 1) {
                  varying.add(axis);
                }
              });
    }
    for (Lists product : products) {
      for (Map<Axis, Object> assignment : product(product.values())) {
        points.add(
            point(assignment, varying, epochs, trainEval, probe, stopping, training, distribution));
      }
    }
    List<GridPoint> kept = new ArrayList<>(points);
    if (grid.has("exclude")) {
      for (Object entry : grid.list("exclude")) {
        Map<Axis, Set<String>> excluded = labels(axisValues(grid, "exclude", entry));
        if (!kept.removeIf(p -> p.matches(excluded))) {
          java.util.StringJoiner named = new java.util.StringJoiner(", ", "{", "}");
          excluded.forEach((axis, labels) -> named.add(axis.label() + "=" + labels));
          throw grid.error(
              "exclude", "no grid point has " + named + "; check the names and values");
        }
      }
    }
    if (kept.isEmpty()) {
      throw grid.error("exclude", "excludes every grid point; nothing would run");
    }
    return kept;
  }

  private static Lists lists(YamlSection grid, YamlSection training, YamlSection distribution) {
    Map<Axis, List<Object>> values = new EnumMap<>(Axis.class);
    values.put(Axis.ACTIVATION, values(grid, "activations", Axis.ACTIVATION, null));
    values.put(Axis.ARCHITECTURE, values(grid, "architectures", Axis.ARCHITECTURE, null));
    if (training.has("augmentation") && grid.has("augmentations")) {
      throw training.error(
          "augmentation", "is given both here and as grid.augmentations; keep one");
    }
    values.put(
        Axis.AUGMENTATION,
        training.has("augmentation")
            ? values(training, "augmentation", Axis.AUGMENTATION, Augmentation.NONE)
            : values(grid, "augmentations", Axis.AUGMENTATION, Augmentation.NONE));
    values.put(Axis.OPTIMIZER, values(training, "optimizer", Axis.OPTIMIZER, Optimizer.ADAM));
    values.put(Axis.LEARNING_RATE, values(training, "learning_rate", Axis.LEARNING_RATE, null));
    values.put(Axis.BATCH_SIZE, values(training, "batch_size", Axis.BATCH_SIZE, null));
    values.put(Axis.DROPOUT_SCALE, values(training, "dropout_scale", Axis.DROPOUT_SCALE, 1.0));
    values.put(
        Axis.WEIGHT_INIT,
        values(training, "weight_init", Axis.WEIGHT_INIT, WeightInit.GLOROT_UNIFORM));
    values.put(Axis.WORKERS, values(distribution, "workers", Axis.WORKERS, 1));
    values.put(
        Axis.AVERAGING_FREQUENCY,
        values(distribution, "averaging_frequency", Axis.AVERAGING_FREQUENCY, 5));
    values.put(
        Axis.BATCH_SIZE_PER_WORKER,
        values(distribution, "batch_size_per_worker", Axis.BATCH_SIZE_PER_WORKER, null));
    return new Lists(values);
  }

  /**
   * The values of one key, a single value or a list, parsed for {@code axis}; {@code fallback} when
   * the key is absent (null: derived later), and required when the fallback is null and the axis
   * has no derivation.
   */
  private static List<Object> values(YamlSection section, String key, Axis axis, Object fallback) {
    if (!section.has(key)) {
      if (fallback == null && (axis == Axis.ACTIVATION || axis == Axis.ARCHITECTURE)) {
        section.list(key); // throws "is required"
      }
      return java.util.Collections.singletonList(fallback);
    }
    List<Object> parsed = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Object raw : section.list(key)) {
      Object value = JobFileParser.choice(section, key, () -> parse(axis, raw));
      if (!seen.add(axis.label(value))) {
        throw section.error(key, "lists " + axis.label(value) + " twice");
      }
      parsed.add(value);
    }
    if (parsed.isEmpty()) {
      throw section.error(key, "must list at least one value, found []");
    }
    return parsed;
  }

  /** A combination or exclusion: a mapping of axis names to a value or a list of values. */
  private static Map<Axis, List<Object>> axisValues(YamlSection grid, String key, Object entry) {
    if (!(entry instanceof Map<?, ?> map) || map.isEmpty()) {
      throw grid.error(
          key,
          "each entry must be a mapping of axes to values, e.g. {activation: relu,"
              + " learning_rate: 0.01}; found "
              + YamlSection.describe(entry));
    }
    Map<Axis, List<Object>> values = new EnumMap<>(Axis.class);
    for (Map.Entry<?, ?> item : map.entrySet()) {
      Axis axis = JobFileParser.choice(grid, key, () -> Axis.parse(String.valueOf(item.getKey())));
      List<?> raw =
          item.getValue() instanceof List<?> list
              ? list
              : java.util.Collections.singletonList(item.getValue());
      List<Object> parsed = new ArrayList<>();
      for (Object value : raw) {
        parsed.add(JobFileParser.choice(grid, key, () -> parse(axis, value)));
      }
      if (parsed.isEmpty()) {
        throw grid.error(key, axis.label() + " must have at least one value, found []");
      }
      values.put(axis, parsed);
    }
    return values;
  }

  private static Object parse(Axis axis, Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("a value is missing");
    }
    String text = String.valueOf(raw);
    return switch (axis) {
      case ACTIVATION -> ActivationParser.parse(raw);
      case ARCHITECTURE -> Architecture.parse(text);
      case AUGMENTATION -> Augmentation.parse(text);
      case OPTIMIZER -> Optimizer.parse(text);
      case WEIGHT_INIT -> WeightInit.parse(text);
      case LEARNING_RATE, DROPOUT_SCALE -> number(axis, raw);
      case BATCH_SIZE, WORKERS, AVERAGING_FREQUENCY, BATCH_SIZE_PER_WORKER ->
          wholeNumber(axis, raw);
    };
  }

  private static double number(Axis axis, Object raw) {
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(raw).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          axis.label() + " must be a number, found " + YamlSection.describe(raw));
    }
  }

  private static int wholeNumber(Axis axis, Object raw) {
    if (raw instanceof Integer i) {
      return i;
    }
    try {
      return Integer.parseInt(String.valueOf(raw).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          axis.label() + " must be a whole number, found " + YamlSection.describe(raw));
    }
  }

  private static Map<Axis, Set<String>> labels(Map<Axis, List<Object>> values) {
    Map<Axis, Set<String>> labels = new LinkedHashMap<>();
    values.forEach(
        (axis, list) ->
            labels.put(axis, new LinkedHashSet<>(list.stream().map(v -> axis.label(v)).toList())));
    return labels;
  }

  /** Every assignment of one value per axis, the last axis (activation) varying fastest. */
  private static List<Map<Axis, Object>> product(Map<Axis, List<Object>> lists) {
    List<Map<Axis, Object>> assignments = new ArrayList<>();
    assignments.add(new EnumMap<>(Axis.class));
    for (Axis axis : Axis.values()) {
      List<Map<Axis, Object>> next = new ArrayList<>();
      for (Map<Axis, Object> partial : assignments) {
        for (Object value : lists.get(axis)) {
          Map<Axis, Object> extended = new EnumMap<>(Axis.class);
          extended.putAll(partial);
          extended.put(axis, value);
          next.add(extended);
        }
      }
      assignments = next;
    }
    return assignments;
  }

  /**
   * One point: the learning rate defaults to the optimizer's Keras default; of batch size, workers
   * and batch size per worker, a missing one follows from the others (batch size 32 when neither
   * batch size is given).
   */
  private static GridPoint point(
      Map<Axis, Object> a,
      Set<Axis> varying,
      int epochs,
      int trainEval,
      int probe,
      EarlyStopping stopping,
      YamlSection training,
      YamlSection distribution) {
    Optimizer optimizer = (Optimizer) a.get(Axis.OPTIMIZER);
    Double rate = (Double) a.get(Axis.LEARNING_RATE);
    double learningRate =
        rate != null
            ? rate
            : optimizer == Optimizer.SGD || optimizer == Optimizer.SGD_MOMENTUM ? 0.01 : 0.001;
    int workers = (Integer) a.get(Axis.WORKERS);
    Integer batch = (Integer) a.get(Axis.BATCH_SIZE);
    Integer perWorker = (Integer) a.get(Axis.BATCH_SIZE_PER_WORKER);
    String where = varying.isEmpty() ? "" : "grid point (" + describe(a, varying) + "): ";
    if (perWorker == null) {
      int global = batch == null ? 32 : batch;
      if (workers < 1 || global % workers != 0) {
        throw new JobFileException(
            distribution.file()
                + ": "
                + where
                + distribution.qualified("workers")
                + ": training.batch_size "
                + global
                + " does not split evenly over "
                + workers
                + " workers; set distribution.batch_size_per_worker");
      }
      batch = global;
      perWorker = global / workers;
    } else if (batch == null) {
      batch = workers * perWorker;
    }
    int globalBatch = batch;
    int workerBatch = perWorker;
    try {
      TrainingSpec settings =
          new TrainingSpec(
              epochs,
              globalBatch,
              optimizer,
              learningRate,
              trainEval,
              probe,
              (Double) a.get(Axis.DROPOUT_SCALE),
              (WeightInit) a.get(Axis.WEIGHT_INIT),
              stopping);
      DistributionSpec distributed =
          new DistributionSpec(workers, (Integer) a.get(Axis.AVERAGING_FREQUENCY), workerBatch);
      return new GridPoint(
          (ActivationSpec) a.get(Axis.ACTIVATION),
          (Architecture) a.get(Axis.ARCHITECTURE),
          (Augmentation) a.get(Axis.AUGMENTATION),
          settings,
          distributed);
    } catch (IllegalArgumentException e) {
      throw new JobFileException(training.file() + ": " + where + e.getMessage(), e);
    }
  }

  /**
   * {@code training.early_stopping: {patience: 3, min_delta: 0, restore_best: true}}; absent: off.
   */
  private static EarlyStopping earlyStopping(YamlSection training) {
    if (!training.has("early_stopping")) {
      return null;
    }
    YamlSection section =
        training.section("early_stopping", Set.of("patience", "min_delta", "restore_best"));
    int patience = section.requiredInteger("patience");
    double minDelta = section.number("min_delta", 0);
    String restore = section.string("restore_best", "false");
    if (!restore.equals("true") && !restore.equals("false")) {
      throw section.error("restore_best", "must be true or false, found '" + restore + "'");
    }
    return JobFileParser.build(
        section, () -> new EarlyStopping(patience, minDelta, Boolean.parseBoolean(restore)));
  }

  private static String describe(Map<Axis, Object> assignment, Set<Axis> axes) {
    List<String> parts = new ArrayList<>();
    assignment.forEach(
        (axis, value) -> {
          if (value != null && axes.contains(axis)) {
            parts.add(axis.label() + "=" + axis.label(value));
          }
        });
    return String.join(", ", parts);
  }
}
