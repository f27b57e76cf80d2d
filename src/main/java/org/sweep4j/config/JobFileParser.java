package org.sweep4j.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a YAML job file into a {@link JobSpec}. Every key is checked: unknown keys, wrong types and
 * bad values fail with the file, the dotted key and the value in the message. Defaults:
 *
 * <ul>
 *   <li>{@code dataset.source}: cifar10 when a path is given, else synthetic; sizes default to the
 *       whole CIFAR-10 (50,000 / 10,000) or, for synthetic data, 5,000 / 1,000; CIFAR-10 subsets
 *       are {@code stratified} with {@code subset_seed} 1; {@code validation} test, or holdout of
 *       {@code validation_size} (default a tenth of train_size, at most 5,000) training-batch
 *       images;
 *   <li>{@code training.optimizer} adam, {@code learning_rate} the optimizer's Keras default,
 *       {@code train_eval_size} 10,000, {@code probe_size} 100;
 *   <li>{@code distribution.workers} 1, {@code averaging_frequency} 5, {@code
 *       batch_size_per_worker} batch_size ÷ workers;
 *   <li>{@code output.results} {@code results/<sweep>};
 *   <li>{@code report.baseline} relu (an explicit baseline must be one of the grid's activations);
 *   <li>{@code report.min_difference} 0.01, the smallest accuracy difference that matters.
 * </ul>
 */
public final class JobFileParser {
  private static final Set<String> TOP =
      Set.of(
          "sweep",
          "description",
          "dataset",
          "grid",
          "training",
          "distribution",
          "output",
          "report",
          "budget",
          "search",
          "pruning");
  private static final Set<String> DATASET =
      Set.of(
          "source",
          "path",
          "train_size",
          "test_size",
          "sampling",
          "subset_seed",
          "validation",
          "validation_size");
  private static final Set<String> GRID =
      Set.of("activations", "architectures", "seeds", "augmentations", "combinations", "exclude");
  private static final Set<String> TRAINING =
      Set.of(
          "epochs",
          "batch_size",
          "optimizer",
          "learning_rate",
          "train_eval_size",
          "probe_size",
          "augmentation",
          "dropout_scale",
          "weight_init",
          "early_stopping");
  private static final Set<String> DISTRIBUTION =
      Set.of("workers", "averaging_frequency", "batch_size_per_worker");
  private static final Set<String> OUTPUT = Set.of("results");
  private static final Set<String> REPORT = Set.of("baseline", "min_difference");

  /**
   * The largest job file read: the biggest real grids are a few kilobytes, and SnakeYAML's time
   * grows with the square of a flow collection's size (a 50 MB file hung {@code plan}).
   */
  static final int MAX_BYTES = 1 << 20;

  private JobFileParser() {}

  public static JobSpec parse(Path file) {
    return parse(file, null);
  }

  /**
   * Parses a job file whose images are read from {@code dataPath} (the {@code --data} option; null
   * for the job's own {@code dataset.path}).
   */
  public static JobSpec parse(Path file, String dataPath) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw tooLarge(file.toString(), size);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new JobFileException(file + ": no such job file");
    } catch (IOException e) {
      throw new JobFileException(file + ": cannot read job file: " + e.getMessage(), e);
    }
    return parse(file.toString(), utf8(file.toString(), bytes), dataPath);
  }

  private static JobFileException tooLarge(String fileName, long size) {
    return new JobFileException(
        String.format(
            Locale.ROOT,
            "%s: %,d bytes; a job file may hold at most %,d (a grid is a few lines: list its axes,"
                + " not its trials)",
            fileName,
            size,
            MAX_BYTES));
  }

  /** The file's text; bytes that are not UTF-8 are refused with where they are. */
  private static String utf8(String fileName, byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(in)
          .toString();
    } catch (CharacterCodingException e) {
      // The decoder stops at the first bad byte.
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new JobFileException(
          String.format(
              Locale.ROOT,
              "%s: not UTF-8 text: byte 0x%02X at offset %d (line %d); save the job file as UTF-8",
              fileName,
              bytes[at] & 0xff,
              at,
              line));
    }
  }

  /** Parses job-file text; {@code fileName} only labels error messages. */
  public static JobSpec parse(String fileName, String yamlText) {
    return parse(fileName, yamlText, null);
  }

  /** As {@link #parse(Path, String)}, from text. */
  public static JobSpec parse(String fileName, String yamlText, String dataPath) {
    if (yamlText.length() > MAX_BYTES) {
      throw tooLarge(fileName, yamlText.getBytes(StandardCharsets.UTF_8).length);
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document;
    try {
      document = new Yaml(new SafeConstructor(options)).load(yamlText);
    } catch (YAMLException e) {
      throw new JobFileException(fileName + ": not valid YAML: " + e.getMessage().strip(), e);
    }
    YamlSection root = YamlSection.root(fileName, document, TOP);
    String sweep = root.requiredString("sweep");
    DatasetSpec dataset = DatasetParser.parse(root.section("dataset", DATASET), dataPath);
    YamlSection gridSection = root.section("grid", GRID);
    YamlSection trainingSection = root.section("training", TRAINING);
    YamlSection distributionSection = root.section("distribution", DISTRIBUTION);
    GridSpec grid =
        GridParser.parse(
            gridSection,
            trainingSection,
            distributionSection,
            root.section("search", SearchParser.KEYS));
    SharedTraining shared = shared(trainingSection);
    String results = root.section("output", OUTPUT).string("results", "results/" + sweep);
    String baseline = baseline(root.section("report", REPORT), grid);
    double minDifference = minDifference(root.section("report", REPORT));
    Budget budget = budget(root.section("budget", Set.of("max_hours", "max_epochs")));
    PruningSpec pruning = pruning(root);
    return build(
        root,
        () ->
            new JobSpec(
                sweep,
                root.string("description", ""),
                dataset,
                grid,
                shared,
                results,
                baseline,
                minDifference,
                budget,
                pruning));
  }

  /**
   * {@code pruning: {rungs: [2, 6], keep: 0.33, metric: val_accuracy, alpha: 0.05}}; absent: none.
   */
  private static PruningSpec pruning(YamlSection root) {
    if (!root.has("pruning")) {
      return null;
    }
    YamlSection section = root.section("pruning", Set.of("rungs", "keep", "metric", "alpha"));
    List<Integer> rungs = new java.util.ArrayList<>();
    for (Object rung : section.list("rungs")) {
      if (!(rung instanceof Integer epoch)) {
        throw section.error(
            "rungs", "each rung is an epoch, a whole number, found " + YamlSection.describe(rung));
      }
      rungs.add(epoch);
    }
    double keep = section.number("keep", 0);
    PruningSpec.Metric metric =
        choice(
            section,
            "metric",
            () -> PruningSpec.Metric.parse(section.string("metric", "val_accuracy")));
    double alpha = section.number("alpha", PruningSpec.DEFAULT_ALPHA);
    return choice(root, "pruning", () -> new PruningSpec(rungs, keep, metric, alpha));
  }

  /** What every trial shares: epochs, the train-eval and probe sizes, early stopping. */
  private static SharedTraining shared(YamlSection training) {
    int epochs = training.requiredInteger("epochs");
    int trainEval = training.integer("train_eval_size", SharedTraining.DEFAULT_TRAIN_EVAL_SIZE);
    int probe = training.integer("probe_size", SharedTraining.DEFAULT_PROBE_SIZE);
    EarlyStopping stopping = earlyStopping(training);
    return build(training, () -> new SharedTraining(epochs, trainEval, probe, stopping));
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
    return build(
        section, () -> new EarlyStopping(patience, minDelta, Boolean.parseBoolean(restore)));
  }

  /** {@code budget: {max_hours: 2.5, max_epochs: 400}}; either may be left out. */
  private static Budget budget(YamlSection section) {
    java.time.Duration time = null;
    if (section.has("max_hours")) {
      double hours = section.number("max_hours", 0);
      if (!(hours > 0 && hours <= 24 * 365)) {
        throw section.error(
            "max_hours", "must be more than 0 (and at most a year), found " + hours);
      }
      time = java.time.Duration.ofMillis(Math.round(hours * 3_600_000));
    }
    long epochs = 0;
    if (section.has("max_epochs")) {
      epochs = section.integer("max_epochs", 0);
      if (epochs < 1) {
        throw section.error("max_epochs", "must be 1 or more, found " + epochs);
      }
    }
    java.time.Duration maxTime = time;
    long maxEpochs = epochs;
    return build(section, () -> new Budget(maxTime, maxEpochs));
  }

  /** The smallest accuracy difference that matters: above 0, below 1. */
  private static double minDifference(YamlSection section) {
    double delta = section.number("min_difference", JobSpec.DEFAULT_MIN_DIFFERENCE);
    if (!(delta > 0 && delta < 1)) {
      throw section.error(
          "min_difference",
          "must be an accuracy difference above 0 and below 1 (0.01 = one point), found " + delta);
    }
    return delta;
  }

  private static String baseline(YamlSection section, GridSpec grid) {
    List<String> labels = grid.activations().stream().map(ActivationSpec::label).toList();
    if (!section.has("baseline")) {
      if (grid.adaptiveSeeds() != null && !labels.contains(JobSpec.DEFAULT_BASELINE)) {
        throw section.error(
            "baseline",
            "is needed: adaptive seeds add seeds to the cells undecided against the baseline,"
                + " and the grid has no "
                + JobSpec.DEFAULT_BASELINE
                + " (the default); name one of "
                + String.join(", ", labels));
      }
      return JobSpec.DEFAULT_BASELINE;
    }
    String baseline = section.string("baseline", null);
    if (!labels.contains(baseline)) {
      throw section.error(
          "baseline",
          "must be one of the grid's activations ("
              + String.join(", ", labels)
              + "), found '"
              + baseline
              + "'");
    }
    return baseline;
  }

  /** Runs a record constructor, turning its validation message into one that names the file. */
  static <T> T build(YamlSection section, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (JobFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new JobFileException(section.file() + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #build} for a single key's value: the message is prefixed with the key. */
  static <T> T choice(YamlSection section, String key, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw section.error(key, e.getMessage());
    }
  }
}
