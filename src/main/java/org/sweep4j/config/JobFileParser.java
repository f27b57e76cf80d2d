package org.sweep4j.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a YAML job file into a {@link JobSpec}. Every key is checked: unknown keys, wrong types and bad values
 * fail with the file, the dotted key and the value in the message. Defaults:
 * <ul>
 *   <li>{@code dataset.source}: cifar10 when a path is given, else synthetic; sizes default to the whole
 *       CIFAR-10 (50,000 / 10,000) or, for synthetic data, 5,000 / 1,000; CIFAR-10 subsets are
 *       {@code stratified} with {@code subset_seed} 1; {@code validation} test, or holdout of
 *       {@code validation_size} (default a tenth of train_size, at most 5,000) training-batch images;</li>
 *   <li>{@code training.optimizer} adam, {@code learning_rate} the optimizer's Keras default,
 *       {@code train_eval_size} 10,000, {@code probe_size} 100;</li>
 *   <li>{@code distribution.workers} 1, {@code averaging_frequency} 5, {@code batch_size_per_worker}
 *       batch_size ÷ workers;</li>
 *   <li>{@code output.results} {@code results/<sweep>};</li>
 *   <li>{@code report.baseline} relu (an explicit baseline must be one of the grid's activations).</li>
 * </ul>
 */
public final class JobFileParser {
  private static final Set<String> TOP = Set.of("sweep", "description", "dataset", "grid", "training",
      "distribution", "output", "report");
  private static final Set<String> DATASET = Set.of("source", "path", "train_size", "test_size", "sampling",
      "subset_seed", "validation", "validation_size");
  private static final Set<String> GRID = Set.of("activations", "architectures", "seeds", "augmentations");
  private static final Set<String> TRAINING = Set.of("epochs", "batch_size", "optimizer", "learning_rate",
      "train_eval_size", "probe_size", "augmentation");
  private static final Set<String> DISTRIBUTION = Set.of("workers", "averaging_frequency",
      "batch_size_per_worker");
  private static final Set<String> OUTPUT = Set.of("results");
  private static final Set<String> REPORT = Set.of("baseline");

  private JobFileParser() {}

  public static JobSpec parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new JobFileException(file + ": no such job file");
    } catch (IOException e) {
      throw new JobFileException(file + ": cannot read job file: " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /** Parses job-file text; {@code fileName} only labels error messages. */
  public static JobSpec parse(String fileName, String yamlText) {
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
    DatasetSpec dataset = dataset(root.section("dataset", DATASET));
    YamlSection gridSection = root.section("grid", GRID);
    YamlSection trainingSection = root.section("training", TRAINING);
    GridSpec grid = withTrainingAugmentation(grid(gridSection), trainingSection, gridSection);
    YamlSection distributionSection = root.section("distribution", DISTRIBUTION);
    int workers = distributionSection.integer("workers", 1);
    TrainingSpec training = training(trainingSection, distributionSection, workers);
    DistributionSpec distribution = distribution(distributionSection, workers, training.batchSize());
    String results = root.section("output", OUTPUT).string("results", "results/" + sweep);
    String baseline = baseline(root.section("report", REPORT), grid);
    return build(root, () -> new JobSpec(sweep, root.string("description", ""), dataset, grid, training,
        distribution, results, baseline));
  }

  private static String baseline(YamlSection section, GridSpec grid) {
    if (!section.has("baseline")) {
      return "relu";
    }
    String baseline = section.string("baseline", null);
    List<String> labels = grid.activations().stream().map(ActivationSpec::label).toList();
    if (!labels.contains(baseline)) {
      throw section.error("baseline", "must be one of the grid's activations (" + String.join(", ", labels)
          + "), found '" + baseline + "'");
    }
    return baseline;
  }

  private static DatasetSpec dataset(YamlSection section) {
    String path = section.string("path", null);
    DataSource source = section.has("source")
        ? choice(section, "source", () -> DataSource.parse(section.string("source", null)))
        : (path == null ? DataSource.SYNTHETIC : DataSource.CIFAR10);
    boolean real = source == DataSource.CIFAR10;
    int train = section.integer("train_size", real ? DatasetSpec.MAX_TRAIN : 5_000);
    int test = section.integer("test_size", real ? DatasetSpec.MAX_TEST : 1_000);
    if (source == DataSource.SYNTHETIC && path != null) {
      throw section.error("path", "is only read for source cifar10, found source synthetic");
    }
    Sampling sampling = section.has("sampling")
        ? choice(section, "sampling", () -> Sampling.parse(section.string("sampling", null)))
        : (real ? Sampling.STRATIFIED : Sampling.FIRST);
    if (!real && sampling == Sampling.STRATIFIED) {
      throw section.error("sampling", "stratified subsets are drawn from CIFAR-10 (source cifar10); synthetic"
          + " images are generated at the size asked");
    }
    long subsetSeed = section.integer("subset_seed", 1);
    Validation validation = section.has("validation")
        ? choice(section, "validation", () -> Validation.parse(section.string("validation", null)))
        : Validation.TEST;
    if (validation == Validation.TEST && section.has("validation_size")) {
      throw section.error("validation_size", "is only read for validation: holdout (the test set is the validation"
          + " set)");
    }
    int validationSize = validation == Validation.TEST ? 0
        : section.integer("validation_size", Math.min(5_000, Math.max(1, train / 10)));
    return build(section, () -> new DatasetSpec(source, path, train, test, sampling, subsetSeed, validation,
        validationSize));
  }

  private static GridSpec grid(YamlSection section) {
    List<ActivationSpec> activations = new ArrayList<>();
    for (Object item : section.list("activations")) {
      activations.add(choice(section, "activations", () -> activation(item)));
    }
    List<Architecture> architectures = new ArrayList<>();
    for (Object item : section.list("architectures")) {
      architectures.add(choice(section, "architectures", () -> Architecture.parse(String.valueOf(item))));
    }
    List<Long> seeds = new ArrayList<>();
    for (Object item : section.list("seeds")) {
      if (!(item instanceof Integer || item instanceof Long) || ((Number) item).longValue() < 0) {
        throw section.error("seeds", "each seed must be a whole number >= 0, found " + YamlSection.describe(item));
      }
      seeds.add(((Number) item).longValue());
    }
    List<Augmentation> augmentations = new ArrayList<>();
    if (section.has("augmentations")) {
      for (Object item : section.list("augmentations")) {
        augmentations.add(choice(section, "augmentations", () -> Augmentation.parse(String.valueOf(item))));
      }
    }
    return build(section, () -> new GridSpec(activations, architectures, seeds,
        augmentations.isEmpty() ? List.of(Augmentation.NONE) : augmentations));
  }

  /** {@code training.augmentation} is the single-setting form of {@code grid.augmentations}. */
  private static GridSpec withTrainingAugmentation(GridSpec grid, YamlSection training, YamlSection gridSection) {
    if (!training.has("augmentation")) {
      return grid;
    }
    if (gridSection.has("augmentations")) {
      throw training.error("augmentation", "is given both here and as grid.augmentations; keep one");
    }
    Augmentation augmentation = choice(training, "augmentation",
        () -> Augmentation.parse(training.string("augmentation", null)));
    return new GridSpec(grid.activations(), grid.architectures(), grid.seeds(), List.of(augmentation));
  }

  /** {@code relu}, {@code leaky_relu(alpha=0.2)} or the mapping {@code {leaky_relu: {alpha: 0.2}}}. */
  private static ActivationSpec activation(Object item) {
    if (item instanceof Map<?, ?> map) {
      if (map.size() != 1) {
        throw new IllegalArgumentException("an activation with parameters is written {name: {param: value}}, found "
            + map);
      }
      Map.Entry<?, ?> entry = map.entrySet().iterator().next();
      Map<String, Object> rawParams = new LinkedHashMap<>();
      if (entry.getValue() instanceof Map<?, ?> params) {
        params.forEach((k, v) -> rawParams.put(String.valueOf(k), v));
      } else if (entry.getValue() != null) {
        throw new IllegalArgumentException("parameters of " + entry.getKey() + " must be a mapping, found "
            + YamlSection.describe(entry.getValue()));
      }
      ActivationName name = ActivationName.parse(String.valueOf(entry.getKey()));
      Map<String, String> params = new LinkedHashMap<>();
      rawParams.forEach((k, v) -> params.put(k, String.valueOf(v)));
      return new ActivationSpec(name, params);
    }
    return ActivationSpec.parse(String.valueOf(item));
  }

  private static TrainingSpec training(YamlSection section, YamlSection distribution, int workers) {
    int epochs = section.requiredInteger("epochs");
    int batchSize;
    if (section.has("batch_size")) {
      batchSize = section.integer("batch_size", 0);
    } else if (distribution.has("batch_size_per_worker")) {
      batchSize = workers * distribution.integer("batch_size_per_worker", 0);
    } else {
      batchSize = 32;
    }
    Optimizer optimizer = choice(section, "optimizer", () -> Optimizer.parse(section.string("optimizer", "adam")));
    double defaultRate = optimizer == Optimizer.SGD || optimizer == Optimizer.SGD_MOMENTUM ? 0.01 : 0.001;
    double learningRate = section.number("learning_rate", defaultRate);
    int trainEval = section.integer("train_eval_size", 10_000);
    int probe = section.integer("probe_size", TrainingSpec.DEFAULT_PROBE_SIZE);
    return build(section, () -> new TrainingSpec(epochs, batchSize, optimizer, learningRate, trainEval, probe));
  }

  private static DistributionSpec distribution(YamlSection section, int workers, int batchSize) {
    int averaging = section.integer("averaging_frequency", 5);
    int perWorker;
    if (section.has("batch_size_per_worker")) {
      perWorker = section.integer("batch_size_per_worker", 0);
    } else {
      if (workers < 1 || batchSize % workers != 0) {
        throw section.error("workers", "training.batch_size " + batchSize + " does not split evenly over "
            + workers + " workers; set distribution.batch_size_per_worker");
      }
      perWorker = batchSize / workers;
    }
    return build(section, () -> new DistributionSpec(workers, averaging, perWorker));
  }

  /** Runs a record constructor, turning its validation message into one that names the file. */
  private static <T> T build(YamlSection section, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (JobFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new JobFileException(section.file() + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #build} for a single key's value: the message is prefixed with the key. */
  private static <T> T choice(YamlSection section, String key, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw section.error(key, e.getMessage());
    }
  }
}
