package org.sweep4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sweep4j.grid.Grid;
import org.sweep4j.grid.GridPoint;

class JobFileParserTest {
  /** Parses and expands the grid, as every command does before any work. */
  private static JobSpec parse(String file, String yaml) {
    JobSpec spec = JobFileParser.parse(file, yaml);
    Grid.of(spec);
    return spec;
  }

  private static GridPoint first(JobSpec spec) {
    return Grid.of(spec).points().get(0);
  }

  private static final String MINIMAL =
      """
      sweep: t
      grid: {activations: [relu], architectures: [small_cnn], seeds: [1]}
      training: {epochs: 2, batch_size: 10}
      """;

  @Test
  void everyShippedJobFileParses() throws IOException {
    List<Path> jobs;
    try (Stream<Path> files = Files.list(Path.of("jobs"))) {
      jobs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(jobs.size() >= 4, "expected the four shipped job files, found " + jobs);
    for (Path job : jobs) {
      JobSpec spec = JobFileParser.parse(job);
      assertTrue(Grid.of(spec).size() > 0, job.toString());
      assertFalse(spec.description().isEmpty(), job + " should say what it is for");
    }
  }

  @Test
  void appliesDocumentedDefaults() {
    JobSpec spec = parse("t.yaml", MINIMAL);
    assertEquals(DataSource.SYNTHETIC, spec.dataset().source());
    assertEquals(5_000, spec.dataset().trainSize());
    assertEquals(Optimizer.ADAM, first(spec).training().optimizer());
    assertEquals(0.001, first(spec).training().learningRate());
    assertEquals(new DistributionSpec(1, 5, 10), first(spec).distribution());
    assertEquals("results/t", spec.results());
    assertEquals(100, first(spec).training().probeSize());
    assertEquals("relu", spec.baseline());
  }

  @Test
  void cifarSubsetsAreStratifiedBySeedUnlessTheJobSaysFirst() {
    DatasetSpec stratified =
        parse(
                "t.yaml",
                MINIMAL + "dataset: {path: /data/cifar, train_size: 1000, test_size: 500}\n")
            .dataset();
    assertEquals(Sampling.STRATIFIED, stratified.sampling());
    assertEquals(1, stratified.subsetSeed());
    assertEquals(
        "cifar10(train=1000,test=500,sampling=stratified,subset_seed=1)", stratified.canonical());
    DatasetSpec first =
        parse(
                "t.yaml",
                MINIMAL
                    + "dataset: {path: /data/cifar, train_size: 1000, test_size: 500, sampling: first}\n")
            .dataset();
    assertEquals(
        "cifar10(train=1000,test=500)", first.canonical(), "first-N ids are what they always were");
    assertEquals(
        "cifar10(train=50000,test=10000)",
        parse("t.yaml", MINIMAL + "dataset: {path: /d}\n").dataset().canonical(),
        "the whole data set has nothing to sample");
    JobFileException synthetic =
        assertThrows(
            JobFileException.class,
            () ->
                parse("j.yaml", MINIMAL + "dataset: {source: synthetic, sampling: stratified}\n"));
    assertTrue(
        synthetic
            .getMessage()
            .startsWith("j.yaml: dataset.sampling: stratified subsets are drawn from"),
        synthetic.getMessage());
    JobFileException unknown =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL + "dataset: {path: /d, sampling: random}\n"));
    assertTrue(
        unknown.getMessage().contains("unknown sampling 'random' (valid: stratified, first)"),
        unknown.getMessage());
  }

  @Test
  void validationIsTheTestSetOrAHoldoutThatFits() {
    DatasetSpec holdout =
        parse("t.yaml", MINIMAL + "dataset: {path: /d, train_size: 45000, validation: holdout}\n")
            .dataset();
    assertEquals(Validation.HOLDOUT, holdout.validation());
    assertEquals(4_500, holdout.validationSize(), "a tenth of train_size by default");
    assertTrue(holdout.canonical().endsWith(",validation=holdout(4500))"), holdout.canonical());
    JobFileException tooBig =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    MINIMAL
                        + "dataset: {path: /d, train_size: 48000, validation: holdout, validation_size: 5000}\n"));
    assertTrue(
        tooBig
            .getMessage()
            .contains(
                "train_size (48000) + validation_size (5000) must fit in CIFAR-10's"
                    + " 50000 training images"),
        tooBig.getMessage());
    JobFileException stray =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL + "dataset: {validation_size: 500}\n"));
    assertTrue(
        stray
            .getMessage()
            .startsWith(
                "j.yaml: dataset.validation_size: is only read for validation:" + " holdout"),
        stray.getMessage());
  }

  @Test
  void augmentationIsASettingOrAGridAxis() {
    JobSpec axis =
        parse(
            "t.yaml",
            MINIMAL.replace("seeds: [1]", "seeds: [1], augmentations: [none," + " crop_flip]"));
    assertEquals(List.of(Augmentation.NONE, Augmentation.CROP_FLIP), Grid.of(axis).augmentations());
    assertEquals(2, Grid.of(axis).size());
    JobSpec setting =
        parse(
            "t.yaml", MINIMAL.replace("batch_size: 10", "batch_size: 10, augmentation: crop_flip"));
    assertEquals(List.of(Augmentation.CROP_FLIP), Grid.of(setting).augmentations());
    JobFileException both =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    MINIMAL
                        .replace("seeds: [1]", "seeds: [1], augmentations: [none]")
                        .replace("batch_size: 10", "batch_size: 10, augmentation: crop_flip")));
    assertEquals(
        "j.yaml: training.augmentation: is given both here and as grid.augmentations; keep one",
        both.getMessage());
    JobFileException unknown =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    MINIMAL.replace("batch_size: 10", "batch_size: 10, augmentation: rotate")));
    assertTrue(
        unknown.getMessage().contains("unknown augmentation 'rotate' (valid: none, crop_flip)"),
        unknown.getMessage());
  }

  @Test
  void reportBaselineMustBeAGridActivation() {
    JobSpec spec =
        parse("t.yaml", MINIMAL.replace("[relu]", "[relu, selu]") + "report: {baseline: selu}\n");
    assertEquals("selu", spec.baseline());
    JobFileException e =
        assertThrows(
            JobFileException.class, () -> parse("j.yaml", MINIMAL + "report: {baseline: gelu}\n"));
    assertEquals(
        "j.yaml: report.baseline: must be one of the grid's activations (relu), found 'gelu'",
        e.getMessage());
  }

  @Test
  void adaptiveSeedsRunOneToMaxAndBadDesignsNameTheKey() {
    JobSpec spec =
        parse(
            "t.yaml",
            MINIMAL.replace("seeds: [1]", "seeds: {adaptive: {start: 3, step: 2, max: 8}}"));
    AdaptiveSeeds seeds = spec.grid().adaptiveSeeds();
    assertEquals(List.of(3, 5, 7, 8), seeds.looks());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), spec.grid().seeds());
    assertEquals(0.05, seeds.alpha());
    assertEquals(null, parse("t.yaml", MINIMAL).grid().adaptiveSeeds(), "a list is not adaptive");
    String[][] bad = {
      {"{adaptive: {start: 1, max: 8}}", "j.yaml: grid.seeds.adaptive: start must be 2 or more"},
      {"{adaptive: {start: 3, max: 2}}", "j.yaml: grid.seeds.adaptive: max must lie between start"},
      {"{adaptive: {start: 3, max: 8, alpha: 0.7}}", "j.yaml: grid.seeds.adaptive: alpha must"},
      {"{adaptive: {start: 3}}", "j.yaml: grid.seeds.adaptive.max"},
      {"{adaptive: {start: 3, max: 8, stop: 2}}", "j.yaml: grid.seeds.adaptive.stop: unknown key"},
      {"{fixed: [1, 2]}", "j.yaml: grid.seeds.fixed: unknown key"},
    };
    for (String[] c : bad) {
      JobFileException e =
          assertThrows(
              JobFileException.class,
              () -> parse("j.yaml", MINIMAL.replace("seeds: [1]", "seeds: " + c[0])),
              c[0]);
      assertTrue(e.getMessage().startsWith(c[1]), c[0] + " -> " + e.getMessage());
    }
    JobFileException noBaseline =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    MINIMAL
                        .replace("[relu]", "[tanh, selu]")
                        .replace("seeds: [1]", "seeds: {adaptive: {start: 2, max: 4}}")));
    assertTrue(
        noBaseline.getMessage().startsWith("j.yaml: report.baseline: is needed: adaptive seeds"),
        noBaseline.getMessage());
  }

  @Test
  void pruningRungsComeBeforeTheLastEpochAndBadValuesNameTheKey() {
    String tenEpochs = MINIMAL.replace("epochs: 2", "epochs: 10");
    JobSpec spec = parse("t.yaml", tenEpochs + "pruning: {rungs: [2, 6], keep: 0.33}\n");
    assertEquals(List.of(2, 6), spec.pruning().rungs());
    assertEquals(PruningSpec.Metric.VAL_ACCURACY, spec.pruning().metric());
    String[][] bad = {
      {"{rungs: [6, 2], keep: 0.5}", "j.yaml: pruning: rungs must be increasing epochs"},
      {"{rungs: [2, 10], keep: 0.5}", "j.yaml: pruning.rungs must come before the last epoch (10)"},
      {"{rungs: [2], keep: 1.5}", "j.yaml: pruning: keep must lie in (0, 1), found 1.5"},
      {"{rungs: [two], keep: 0.5}", "j.yaml: pruning.rungs: each rung is an epoch"},
      {
        "{rungs: [2], keep: 0.5, metric: accuracy}",
        "j.yaml: pruning.metric: unknown pruning metric"
      },
      {"{rungs: [2], keep: 0.5, every: 2}", "j.yaml: pruning.every: unknown key"},
    };
    for (String[] c : bad) {
      JobFileException e =
          assertThrows(
              JobFileException.class, () -> parse("j.yaml", tenEpochs + "pruning: " + c[0] + "\n"));
      assertTrue(e.getMessage().startsWith(c[1]), c[0] + " -> " + e.getMessage());
    }
  }

  @Test
  void realDataDefaultsToWholeCifar() {
    JobSpec spec = parse("t.yaml", MINIMAL + "dataset: {path: /data/cifar}\n");
    assertEquals(DataSource.CIFAR10, spec.dataset().source());
    assertEquals(50_000, spec.dataset().trainSize());
    assertEquals(10_000, spec.dataset().testSize());
  }

  @Test
  void unknownKeyNamesFileKeyAndValidKeys() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL.replace("epochs: 2", "epochs: 2, epoch: 3")));
    assertEquals(
        "j.yaml: training.epoch: unknown key (valid keys under training: augmentation, batch_size,"
            + " dropout_scale, early_stopping, epochs, learning_rate, optimizer, probe_size, train_eval_size, weight_init)",
        e.getMessage());
  }

  @Test
  void unknownActivationListsValidOnes() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL.replace("[relu]", "[relu, swishy]")));
    assertTrue(
        e.getMessage()
            .startsWith(
                "j.yaml: grid.activations: unknown activation 'swishy' (valid: relu,"
                    + " leaky_relu, prelu, elu, selu, gelu"),
        e.getMessage());
    assertTrue(e.getMessage().contains("zero_fit_linear)"), e.getMessage());
  }

  @Test
  void unknownArchitectureListsValidOnes() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL.replace("[small_cnn]", "[wide_cnn]")));
    assertEquals(
        "j.yaml: grid.architectures: unknown architecture 'wide_cnn' (valid: deep_cnn, small_cnn, tiny_cnn)",
        e.getMessage());
  }

  @Test
  void wrongTypeNamesKeyAndValue() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL.replace("epochs: 2", "epochs: ten")));
    assertEquals("j.yaml: training.epochs: must be a whole number, found 'ten'", e.getMessage());
  }

  @Test
  void outOfRangeValueIsRejectedWithTheValue() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL.replace("epochs: 2", "epochs: 0")));
    assertEquals("j.yaml: training.epochs must be in [1, 10000], found 0", e.getMessage());
  }

  @Test
  void inconsistentBatchSizesAreRejected() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml", MINIMAL + "distribution: {workers: 2, batch_size_per_worker: 4}\n"));
    assertEquals(
        "j.yaml: training.batch_size (10) must equal distribution.workers (2) x"
            + " distribution.batch_size_per_worker (4)",
        e.getMessage());
  }

  @Test
  void batchSizeThatDoesNotSplitOverWorkersIsRejected() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL + "distribution: {workers: 3}\n"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "j.yaml: distribution.workers: training.batch_size 10 does not split"
                    + " evenly over 3 workers"),
        e.getMessage());
  }

  @Test
  void activationParametersInBothForms() {
    JobSpec spec =
        parse(
            "j.yaml",
            MINIMAL.replace(
                "[relu]",
                "[relu, {leaky_relu: {alpha: 0.2}}, 'leaky_relu(alpha=0.3)', leaky_relu, {gelu: {approximation: tanh}}]"));
    List<String> labels = spec.grid().activations().stream().map(ActivationSpec::label).toList();
    assertEquals(
        List.of(
            "relu",
            "leaky_relu(alpha=0.2)",
            "leaky_relu(alpha=0.3)",
            "leaky_relu",
            "gelu(approximation=tanh)"),
        labels);
    assertEquals(0.2, spec.grid().activations().get(1).number("alpha"));
    assertEquals(0.01, spec.grid().activations().get(3).number("alpha"));
  }

  @Test
  void sameActivationTwiceIsRejected() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    MINIMAL.replace("[relu]", "[leaky_relu, {leaky_relu: {alpha: 0.01}}]")));
    assertEquals("j.yaml: grid.activations: lists leaky_relu twice", e.getMessage());
  }

  @Test
  void badActivationParameterIsRejected() {
    JobFileException tooLarge =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL.replace("[relu]", "[{leaky_relu: {alpha: 5}}]")));
    assertEquals(
        "j.yaml: grid.activations: alpha must be in [0, 1], found 5", tooLarge.getMessage());
    JobFileException unknown =
        assertThrows(
            JobFileException.class,
            () -> parse("j.yaml", MINIMAL.replace("[relu]", "[{relu: {alpha: 0.1}}]")));
    assertEquals(
        "j.yaml: grid.activations: activation relu has no parameter 'alpha' (valid: none)",
        unknown.getMessage());
  }

  @Test
  void missingSectionsAndBadYamlAreNamed() {
    JobFileException noGrid =
        assertThrows(
            JobFileException.class, () -> parse("j.yaml", "sweep: t\ntraining: {epochs: 1}\n"));
    assertEquals(
        "j.yaml: grid.activations: is required: list at least one value", noGrid.getMessage());
    JobFileException broken =
        assertThrows(JobFileException.class, () -> parse("j.yaml", "sweep: [unclosed\n"));
    assertTrue(broken.getMessage().startsWith("j.yaml: not valid YAML"), broken.getMessage());
    JobFileException duplicate =
        assertThrows(JobFileException.class, () -> parse("j.yaml", MINIMAL + "sweep: again\n"));
    assertTrue(duplicate.getMessage().contains("duplicate key sweep"), duplicate.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    JobFileException e =
        assertThrows(JobFileException.class, () -> JobFileParser.parse(Path.of("no/such.yaml")));
    assertEquals("no/such.yaml: no such job file", e.getMessage());
  }

  @Test
  void anySettingGivenAsAListIsAnAxisOfTheProduct() {
    JobSpec spec =
        parse(
            "j.yaml",
            """
        sweep: axes
        grid: {activations: [relu, selu], architectures: [small_cnn], seeds: [1, 2]}
        training: {epochs: 2, batch_size: 64, optimizer: [adam, sgd], learning_rate: [0.001, 0.01],
                   dropout_scale: [1, 0.5], weight_init: [glorot_uniform, lecun_normal]}
        distribution: {workers: [1, 2], averaging_frequency: [5, 10]}
        """);
    assertEquals(2 * 2 * 2 * 2 * 2 * 2 * 2, Grid.of(spec).points().size());
    assertEquals(2 * Grid.of(spec).points().size(), Grid.of(spec).size());
    assertEquals(
        List.of(
            Axis.OPTIMIZER,
            Axis.LEARNING_RATE,
            Axis.DROPOUT_SCALE,
            Axis.WEIGHT_INIT,
            Axis.WORKERS,
            Axis.AVERAGING_FREQUENCY,
            Axis.BATCH_SIZE_PER_WORKER,
            Axis.ACTIVATION),
        Grid.of(spec).varyingAxes());
    assertEquals(
        List.of("64", "32"),
        Grid.of(spec).axes().get(Axis.BATCH_SIZE_PER_WORKER),
        "batch_size_per_worker follows from batch_size and each workers value");
    GridPoint last = Grid.of(spec).points().get(Grid.of(spec).points().size() - 1);
    assertEquals(
        new TrainingSpec(
            2, 64, Optimizer.SGD, 0.01, 10_000, 100, 0.5, WeightInit.LECUN_NORMAL, null),
        last.training());
    assertEquals(new DistributionSpec(2, 10, 32), last.distribution());
    assertEquals(
        "selu",
        last.activation().label(),
        "activation varies fastest: a cell's activations side by side");
  }

  @Test
  void combinationsNarrowTheProductAndExclusionsRemovePoints() {
    JobSpec spec =
        parse(
            "j.yaml",
            """
        sweep: combos
        grid:
          activations: [relu, selu, sigmoid]
          architectures: [small_cnn]
          seeds: [1]
          combinations:
            - {activation: [relu, sigmoid], weight_init: he_normal}
            - {activation: selu, weight_init: lecun_normal, learning_rate: [0.001, 0.0003]}
          exclude:
            - {activation: sigmoid, optimizer: sgd}
        training: {epochs: 1, batch_size: 32, optimizer: [adam, sgd]}
        """);
    List<String> points =
        Grid.of(spec).points().stream()
            .map(
                p ->
                    p.describe(
                        List.of(
                            Axis.ACTIVATION, Axis.WEIGHT_INIT, Axis.OPTIMIZER, Axis.LEARNING_RATE)))
            .toList();
    assertEquals(
        List.of(
            "activation=relu, weight_init=he_normal, optimizer=adam, learning_rate=0.001",
            "activation=sigmoid, weight_init=he_normal, optimizer=adam, learning_rate=0.001",
            "activation=relu, weight_init=he_normal, optimizer=sgd, learning_rate=0.01",
            "activation=selu, weight_init=lecun_normal, optimizer=adam, learning_rate=0.001",
            "activation=selu, weight_init=lecun_normal, optimizer=adam, learning_rate=3.0E-4",
            "activation=selu, weight_init=lecun_normal, optimizer=sgd, learning_rate=0.001",
            "activation=selu, weight_init=lecun_normal, optimizer=sgd, learning_rate=3.0E-4"),
        points);
  }

  @Test
  void badAxesAndCombinationsAreNamed() {
    String base =
        """
        sweep: bad
        grid: {activations: [relu], architectures: [small_cnn], seeds: [1]%s}
        training: {epochs: 1, batch_size: 30%s}
        distribution: {workers: [1, 4]}
        """;
    JobFileException split =
        assertThrows(JobFileException.class, () -> parse("j.yaml", base.formatted("", "")));
    assertEquals(
        "j.yaml: grid point (workers=4): distribution.workers: training.batch_size 30 does not split evenly"
            + " over 4 workers; set distribution.batch_size_per_worker",
        split.getMessage());
    JobFileException axis =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    base.formatted(", exclude: [{activaton: relu}]", "").replace("[1, 4]", "1")));
    assertTrue(
        axis.getMessage()
            .startsWith(
                "j.yaml: grid.exclude: unknown grid axis 'activaton' (valid:"
                    + " architecture, augmentation, optimizer, learning_rate"),
        axis.getMessage());
    JobFileException nothing =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    base.formatted(", exclude: [{activation: tanh}]", "").replace("[1, 4]", "1")));
    assertEquals(
        "j.yaml: grid.exclude: no grid point has {activation=[tanh]}; check the names and values",
        nothing.getMessage());
    JobFileException all =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    base.formatted(", exclude: [{activation: relu}]", "").replace("[1, 4]", "1")));
    assertEquals(
        "j.yaml: grid.exclude: excludes every grid point; nothing would run", all.getMessage());
    JobFileException value =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    base.formatted("", ", weight_init: [he_normal, xavier]")
                        .replace("[1, 4]", "1")));
    assertEquals(
        "j.yaml: training.weight_init: unknown weight initialisation 'xavier' (valid: glorot_uniform,"
            + " he_normal, lecun_normal)",
        value.getMessage());
    JobFileException range =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    base.formatted("", ", learning_rate: [0.01, 20]").replace("[1, 4]", "1")));
    assertEquals(
        "j.yaml: grid point (learning_rate=20): training.learning_rate must be in (0, 10), found 20.0",
        range.getMessage());
  }

  @Test
  void earlyStoppingAndBudgetsAreSettingsWithCheckedValues() {
    JobSpec plain = parse("j.yaml", MINIMAL);
    assertEquals(null, first(plain).training().earlyStopping());
    assertEquals(Budget.NONE, plain.budget());
    JobSpec spec =
        parse(
            "j.yaml",
            MINIMAL.replace(
                    "batch_size: 10}",
                    "batch_size: 10, early_stopping: {patience: 3, restore_best: true}}")
                + "budget: {max_hours: 1.5, max_epochs: 40}\n");
    assertEquals(new EarlyStopping(3, 0, true), first(spec).training().earlyStopping());
    assertEquals(new Budget(java.time.Duration.ofMinutes(90), 40), spec.budget());
    assertTrue(
        first(spec)
            .training()
            .canonical()
            .endsWith(",early_stopping(patience=3,min_delta=0,restore=true)"),
        "early stopping changes what a trial ends with, so it is part of the id: "
            + first(spec).training().canonical());
    JobFileException patience =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    MINIMAL.replace(
                        "batch_size: 10}", "batch_size: 10, early_stopping: {patience: 0}}")));
    assertEquals(
        "j.yaml: training.early_stopping.patience must be in [1, 1000], found 0",
        patience.getMessage());
    JobFileException restore =
        assertThrows(
            JobFileException.class,
            () ->
                parse(
                    "j.yaml",
                    MINIMAL.replace(
                        "batch_size: 10}",
                        "batch_size: 10, early_stopping: {patience: 2, restore_best: maybe}}")));
    assertEquals(
        "j.yaml: training.early_stopping.restore_best: must be true or false, found 'maybe'",
        restore.getMessage());
    JobFileException hours =
        assertThrows(
            JobFileException.class, () -> parse("j.yaml", MINIMAL + "budget: {max_hours: -1}\n"));
    assertEquals(
        "j.yaml: budget.max_hours: must be more than 0 (and at most a year), found -1.0",
        hours.getMessage());
  }

  @Test
  void aBudgetStartsATrialOnlyIfItFits() {
    Budget budget = new Budget(java.time.Duration.ofHours(1), 10);
    assertTrue(budget.allows(0, 10, java.time.Duration.ZERO, null));
    assertFalse(budget.allows(4, 7, java.time.Duration.ZERO, null), "4 + 7 epochs > 10");
    assertTrue(
        budget.allows(0, 2, java.time.Duration.ofMinutes(40), java.time.Duration.ofMinutes(20)));
    assertFalse(
        budget.allows(0, 2, java.time.Duration.ofMinutes(41), java.time.Duration.ofMinutes(20)),
        "41 minutes so far and trials take 20: the next would end past the hour");
    assertTrue(
        Budget.NONE.allows(
            1_000_000, 100, java.time.Duration.ofDays(9), java.time.Duration.ofDays(1)));
  }
}
