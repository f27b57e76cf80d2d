package org.sweep4j.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sweep4j.config.JobFileParser;

/** Before, a grid of a million trials started without a word. */
class LargeGridTest {
  private static List<TrialSpec> trials(int seeds) {
    String list =
        IntStream.rangeClosed(1, seeds)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(", "));
    return GridExpander.expand(
        JobFileParser.parse(
            "big.yaml",
            """
            sweep: big
            dataset: {source: synthetic, train_size: 4500, test_size: 100}
            grid: {activations: [relu], architectures: [small_cnn], seeds: [%s]}
            training: {epochs: 2, batch_size: 32}
            """
                .formatted(list)));
  }

  @Test
  void aGridOfMoreThanAThousandTrialsIsWarnedOfWithALowerBoundOnItsTime() {
    assertEquals(Optional.empty(), LargeGrid.warning(trials(1_000), 2));
    String warning = LargeGrid.warning(trials(1_001), 2).orElseThrow();
    // 1,001 trials x 2 epochs x 4,500 images at 2 x 2,250 images/s: 2,002 s.
    assertEquals(
        "warning: this grid expands to 1,001 trials (9,009,000 training images), at least 34 min"
            + " on 2 cores even at sweep4j's fastest (2,250 images/s per core); check it with"
            + " 'sweep4j plan', or stop with Ctrl-C",
        warning);
  }

  @Test
  void durationsAreRoundedToAReadableUnit() {
    assertEquals("1 min", LargeGrid.duration(10));
    assertEquals("7.5 h", LargeGrid.duration(7.5 * 3600));
    assertEquals("12 days", LargeGrid.duration(12 * 86400));
    assertTrue(LargeGrid.duration(79 * 365.25 * 86400).equals("79 years"));
  }
}
