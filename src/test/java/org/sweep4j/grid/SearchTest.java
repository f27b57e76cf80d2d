package org.sweep4j.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweep4j.config.JobFileException;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;

/** Random and Sobol search over settings given as distributions: values, balance, ids, errors. */
class SearchTest {
  private static JobSpec job(String training, String search) {
    return JobFileParser.parse(
        "search.yaml",
        """
        sweep: search
        grid: {activations: [relu, selu], architectures: [small_cnn], seeds: [1]}
        training: {epochs: 2, %s}
        search: %s
        """
            .formatted(training, search));
  }

  private static List<Double> rates(JobSpec job) {
    return Grid.of(job).points().stream().map(p -> p.training().learningRate()).distinct().toList();
  }

  /** The values a fixed seed draws are part of the contract: they make the trial ids. */
  @Test
  void aFixedSeedDrawsFixedValues() {
    String rate = "learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}";
    assertEquals(
        List.of(6.021e-4, 0.006021, 0.001904, 1.904e-4),
        rates(job(rate, "{method: sobol, samples: 4, seed: 7}")));
    List<Double> random = rates(job(rate, "{method: random, samples: 4, seed: 7}"));
    assertEquals(random, rates(job(rate, "{method: random, samples: 4, seed: 7}")));
    assertEquals(4, random.size());
    random.forEach(r -> assertTrue(r >= 1e-4 && r <= 1e-2, "in range: " + r));
    assertTrue(
        !random.equals(rates(job(rate, "{method: random, samples: 4, seed: 8}"))),
        "another seed, other points");
  }

  /** The first 2^k Sobol points put one point in each of 2^k equal parts of every setting. */
  @Test
  void sobolsFirstPowerOfTwoPointsStratifyEverySetting() {
    JobSpec job =
        job(
            "learning_rate: {uniform: [0.0, 1.0]}, dropout_scale: {uniform: [0.0, 1.0]},"
                + " batch_size: {uniform: [1, 64]}",
            "{method: sobol, samples: 16, seed: 3}");
    List<double[]> points = SearchPoints.unitPoints(job.grid().search());
    for (int k = 0; k < 3; k++) {
      Set<Integer> strata = new TreeSet<>();
      for (double[] u : points) {
        strata.add((int) (u[k] * 16));
      }
      assertEquals(16, strata.size(), "setting " + k + " covers all 16 strata once");
    }
    Set<Integer> batches = new HashSet<>();
    Grid.of(job).points().forEach(p -> batches.add(p.training().batchSize()));
    assertEquals(16, batches.size(), "16 whole-number batch sizes, one per stratum of 4");
  }

  /** --resume with a larger samples adds points and keeps the earlier trials' ids. */
  @ParameterizedTest
  @CsvSource({"random", "sobol"})
  void moreSamplesKeepTheEarlierPointsAndIds(String method) {
    String rate =
        "learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}, dropout_scale: {uniform: [0, 1]}";
    List<String> four =
        GridExpander.expand(job(rate, "{method: " + method + ", samples: 4, seed: 1}")).stream()
            .map(TrialSpec::id)
            .toList();
    List<String> eight =
        GridExpander.expand(job(rate, "{method: " + method + ", samples: 8, seed: 1}")).stream()
            .map(TrialSpec::id)
            .toList();
    assertEquals(8, four.size(), "4 points x 2 activations x 1 seed");
    assertEquals(16, eight.size());
    assertTrue(eight.containsAll(four), "every earlier trial is still there, same id");
  }

  @Test
  void wholeNumbersAreDrawnWithTheirBoundsIncluded() {
    JobSpec job =
        JobFileParser.parse(
            "w.yaml",
            """
            sweep: w
            grid: {activations: [relu], architectures: [small_cnn], seeds: [1]}
            training: {epochs: 1, batch_size: 64}
            distribution: {averaging_frequency: {uniform: [1, 3]}}
            search: {method: random, samples: 64, seed: 2}
            """);
    Set<Integer> drawn = new TreeSet<>();
    Grid.of(job).points().forEach(p -> drawn.add(p.distribution().averagingFrequency()));
    assertEquals(Set.of(1, 2, 3), drawn);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "learning_rate: {uniform: [0.1, 0.01]}| {method: random, samples: 2}"
            + "| training.learning_rate: uniform needs low <= high, found [0.1, 0.01]",
        "learning_rate: {log_uniform: [0, 0.01]}| {method: random, samples: 2}"
            + "| training.learning_rate: log_uniform needs bounds above 0 (a logarithm is taken), found low 0.0",
        "learning_rate: {normal: [0, 1]}| {method: random, samples: 2}"
            + "| training.learning_rate: unknown distribution 'normal' (valid: uniform, log_uniform, choice)",
        "optimizer: {choice: [adam, sgd]}| {method: random, samples: 2}"
            + "| training.optimizer: cannot take a distribution: only learning_rate, dropout_scale,"
            + " batch_size, workers, averaging_frequency, batch_size_per_worker can; list its values instead",
        "learning_rate: 0.01| {method: random, samples: 2}"
            + "| search draws nothing: give a setting a distribution",
        "learning_rate: {uniform: [0.001, 0.01]}| {method: grid, samples: 2}"
            + "| search.method: unknown search method 'grid' (valid: random, sobol)",
        "learning_rate: {uniform: [0.001, 0.01]}| {method: sobol, samples: 0}"
            + "| search.samples must be 1 or more, found 0",
        "batch_size: {uniform: [1.5, 8]}| {method: sobol, samples: 2}"
            + "| training.batch_size: takes whole numbers of at least 1, found [1.5, 8]"
      })
  void badSearchesAreJobFileErrorsNamingTheKey(String training, String search, String message) {
    JobFileException e = assertThrows(JobFileException.class, () -> job(training, search));
    assertTrue(e.getMessage().startsWith("search.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void aDistributionWithoutASearchSaysWhatIsMissing() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () ->
                JobFileParser.parse(
                    "n.yaml",
                    """
                    sweep: n
                    grid: {activations: [relu], architectures: [small_cnn], seeds: [1]}
                    training: {epochs: 1, learning_rate: {log_uniform: [1.0e-4, 1.0e-2]}}
                    """));
    assertTrue(
        e.getMessage()
            .startsWith(
                "n.yaml: search.method: is required: learning_rate is given a distribution"),
        e.getMessage());
  }
}
