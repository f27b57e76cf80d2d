package org.sweep4j.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a job file's grid: each {@link Axis} takes its values from one key, a single value or a
 * list: {@code grid.activations}, {@code grid.architectures}, {@code grid.augmentations} (or {@code
 * training.augmentation}), {@code training.optimizer}, {@code learning_rate}, {@code batch_size},
 * {@code dropout_scale}, {@code weight_init}, {@code distribution.workers}, {@code
 * averaging_frequency}, {@code batch_size_per_worker}; plus {@code grid.combinations}, {@code
 * grid.exclude} and {@code grid.seeds}. Every error names the file, the key and the value. Making
 * points of it is the grid stage's work.
 */
final class GridParser {
  /** Minibatches each worker fits between two averagings unless the job says otherwise. */
  static final int DEFAULT_AVERAGING_FREQUENCY = 5;

  private GridParser() {}

  static GridSpec parse(
      YamlSection grid, YamlSection training, YamlSection distribution, YamlSection search) {
    List<SampledSetting> sampled = new ArrayList<>();
    AxisValues axes = axes(grid, training, distribution, sampled);
    SearchSpec searchSpec = SearchParser.parse(search, sampled);
    List<AxisValues> combinations = new ArrayList<>();
    if (grid.has("combinations")) {
      for (Object entry : grid.list("combinations")) {
        combinations.add(narrowing(grid, "combinations", entry));
      }
      if (combinations.isEmpty()) {
        throw grid.error("combinations", "must list at least one combination, found []");
      }
    }
    List<Map<Axis, Set<String>>> exclusions = new ArrayList<>();
    if (grid.has("exclude")) {
      for (Object entry : grid.list("exclude")) {
        exclusions.add(labels(narrowing(grid, "exclude", entry)));
      }
    }
    AdaptiveSeeds adaptive = adaptiveSeeds(grid);
    List<Long> seeds = adaptive == null ? seeds(grid) : adaptive.seeds();
    return JobFileParser.build(
        grid,
        () ->
            new GridSpec(axes, combinations, exclusions, seeds, adaptive, searchSpec, grid.file()));
  }

  private static AxisValues axes(
      YamlSection grid,
      YamlSection training,
      YamlSection distribution,
      List<SampledSetting> sampled) {
    if (training.has("augmentation") && grid.has("augmentations")) {
      throw training.error(
          "augmentation", "is given both here and as grid.augmentations; keep one");
    }
    YamlSection augmentation = training.has("augmentation") ? training : grid;
    String augmentationKey = training.has("augmentation") ? "augmentation" : "augmentations";
    return new AxisValues(
        required(grid, "activations", Axis.ACTIVATION),
        required(grid, "architectures", Axis.ARCHITECTURE),
        values(augmentation, augmentationKey, Axis.AUGMENTATION, Augmentation.NONE),
        values(training, "optimizer", Axis.OPTIMIZER, Optimizer.ADAM),
        sampleable(training, "learning_rate", Axis.LEARNING_RATE, null, sampled),
        sampleable(training, "batch_size", Axis.BATCH_SIZE, null, sampled),
        sampleable(training, "dropout_scale", Axis.DROPOUT_SCALE, 1.0, sampled),
        values(training, "weight_init", Axis.WEIGHT_INIT, WeightInit.GLOROT_UNIFORM),
        sampleable(distribution, "workers", Axis.WORKERS, 1, sampled),
        sampleable(
            distribution,
            "averaging_frequency",
            Axis.AVERAGING_FREQUENCY,
            DEFAULT_AVERAGING_FREQUENCY,
            sampled),
        sampleable(
            distribution, "batch_size_per_worker", Axis.BATCH_SIZE_PER_WORKER, null, sampled));
  }

  /**
   * As {@link #values}, or, when the key holds a distribution ({@code {log_uniform: [a, b]}}), adds
   * it to {@code sampled} and returns the fallback, which every drawn point then replaces.
   */
  private static <T> List<T> sampleable(
      YamlSection section, String key, Axis axis, T fallback, List<SampledSetting> sampled) {
    if (!(section.raw(key) instanceof Map<?, ?> map)) {
      return values(section, key, axis, fallback);
    }
    sampled.add(SearchParser.distribution(section, key, axis, map));
    return Collections.singletonList(fallback);
  }

  private static <T> List<T> required(YamlSection section, String key, Axis axis) {
    if (!section.has(key)) {
      section.list(key); // throws "is required"
    }
    return values(section, key, axis, null);
  }

  /**
   * The values of one key, a single value or a list, parsed for {@code axis}; {@code fallback} when
   * the key is absent (null: derived later).
   */
  private static <T> List<T> values(YamlSection section, String key, Axis axis, T fallback) {
    if (!section.has(key)) {
      return Collections.singletonList(fallback);
    }
    if (section.raw(key) instanceof Map<?, ?>) {
      throw section.error(
          key,
          "cannot take a distribution: only "
              + String.join(", ", SampledSetting.SAMPLEABLE.stream().map(a -> a.label()).toList())
              + " can; list its values instead");
    }
    Function<Object, T> parser = parser(axis);
    List<T> parsed = new ArrayList<>();
    Set<Object> seen = new LinkedHashSet<>();
    for (Object raw : section.list(key)) {
      T value = JobFileParser.choice(section, key, () -> parser.apply(raw));
      if (!seen.add(value)) {
        throw section.error(key, "lists " + Axis.label(value) + " twice");
      }
      parsed.add(value);
    }
    if (parsed.isEmpty()) {
      throw section.error(key, "must list at least one value, found []");
    }
    return parsed;
  }

  /** A combination or exclusion: a mapping of axis names to a value or a list of values. */
  private static AxisValues narrowing(YamlSection grid, String key, Object entry) {
    if (!(entry instanceof Map<?, ?> map) || map.isEmpty()) {
      throw grid.error(
          key,
          "each entry must be a mapping of axes to values, e.g. {activation: relu,"
              + " learning_rate: 0.01}; found "
              + YamlSection.describe(entry));
    }
    Map<Axis, List<Object>> given = new EnumMap<>(Axis.class);
    for (Map.Entry<?, ?> item : map.entrySet()) {
      Axis axis = JobFileParser.choice(grid, key, () -> Axis.parse(String.valueOf(item.getKey())));
      List<?> raw =
          item.getValue() instanceof List<?> list
              ? list
              : Collections.singletonList(item.getValue());
      if (raw.isEmpty()) {
        throw grid.error(key, axis.label() + " must have at least one value, found []");
      }
      given.put(axis, new ArrayList<>(raw));
    }
    return new AxisValues(
        typed(grid, key, given, Axis.ACTIVATION),
        typed(grid, key, given, Axis.ARCHITECTURE),
        typed(grid, key, given, Axis.AUGMENTATION),
        typed(grid, key, given, Axis.OPTIMIZER),
        typed(grid, key, given, Axis.LEARNING_RATE),
        typed(grid, key, given, Axis.BATCH_SIZE),
        typed(grid, key, given, Axis.DROPOUT_SCALE),
        typed(grid, key, given, Axis.WEIGHT_INIT),
        typed(grid, key, given, Axis.WORKERS),
        typed(grid, key, given, Axis.AVERAGING_FREQUENCY),
        typed(grid, key, given, Axis.BATCH_SIZE_PER_WORKER));
  }

  /** The values {@code given} names for {@code axis}, parsed; null when it names none. */
  private static <T> List<T> typed(
      YamlSection grid, String key, Map<Axis, List<Object>> given, Axis axis) {
    if (!given.containsKey(axis)) {
      return null;
    }
    Function<Object, T> parser = parser(axis);
    List<T> parsed = new ArrayList<>();
    for (Object raw : given.get(axis)) {
      parsed.add(JobFileParser.choice(grid, key, () -> parser.apply(raw)));
    }
    return parsed;
  }

  /** An exclusion's values as the labels points are matched by. */
  private static Map<Axis, Set<String>> labels(AxisValues values) {
    Map<Axis, Set<String>> labels = new EnumMap<>(Axis.class);
    for (Axis axis : Axis.values()) {
      for (int i = 0; i < values.count(axis); i++) {
        labels.computeIfAbsent(axis, a -> new LinkedHashSet<>()).add(values.label(axis, i));
      }
    }
    return labels;
  }

  /** Parses one raw value of {@code axis} into its type (the caller's {@code T}). */
  @SuppressWarnings("unchecked")
  private static <T> Function<Object, T> parser(Axis axis) {
    Function<Object, ?> parser =
        switch (axis) {
          case ACTIVATION -> ActivationParser::parse;
          case ARCHITECTURE -> raw -> Architecture.parse(text(raw));
          case AUGMENTATION -> raw -> Augmentation.parse(text(raw));
          case OPTIMIZER -> raw -> Optimizer.parse(text(raw));
          case WEIGHT_INIT -> raw -> WeightInit.parse(text(raw));
          case LEARNING_RATE, DROPOUT_SCALE -> raw -> number(axis, raw);
          case BATCH_SIZE, WORKERS, AVERAGING_FREQUENCY, BATCH_SIZE_PER_WORKER ->
              raw -> wholeNumber(axis, raw);
        };
    return (Function<Object, T>) parser;
  }

  private static String text(Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("a value is missing");
    }
    return String.valueOf(raw);
  }

  private static double number(Axis axis, Object raw) {
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(text(raw).trim());
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
      return Integer.parseInt(text(raw).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          axis.label() + " must be a whole number, found " + YamlSection.describe(raw));
    }
  }

  /** {@code seeds: {adaptive: {start, step, max, alpha}}}, or null for a list of seeds. */
  private static AdaptiveSeeds adaptiveSeeds(YamlSection grid) {
    if (!(grid.raw("seeds") instanceof Map<?, ?>)) {
      return null;
    }
    YamlSection seeds = grid.section("seeds", Set.of("adaptive"));
    if (!seeds.has("adaptive")) {
      throw grid.error(
          "seeds", "is a list of seeds or {adaptive: {start: 3, step: 1, max: 12}}, found {}");
    }
    YamlSection adaptive = seeds.section("adaptive", Set.of("start", "step", "max", "alpha"));
    int start = adaptive.requiredInteger("start");
    int step = adaptive.integer("step", 1);
    int max = adaptive.requiredInteger("max");
    double alpha = adaptive.number("alpha", AdaptiveSeeds.DEFAULT_ALPHA);
    return JobFileParser.choice(
        seeds, "adaptive", () -> new AdaptiveSeeds(start, step, max, alpha));
  }

  private static List<Long> seeds(YamlSection section) {
    List<Long> seeds = new ArrayList<>();
    for (Object item : section.list("seeds")) {
      if (!(item instanceof Integer || item instanceof Long) || ((Number) item).longValue() < 0) {
        throw section.error(
            "seeds", "each seed must be a whole number >= 0, found " + YamlSection.describe(item));
      }
      seeds.add(((Number) item).longValue());
    }
    if (seeds.isEmpty()) {
      throw section.error("seeds", "must list at least one value, found []");
    }
    if (new LinkedHashSet<>(seeds).size() != seeds.size()) {
      throw section.error("seeds", "lists a seed twice");
    }
    return seeds;
  }
}
