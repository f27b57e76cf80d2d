package org.sweep4j.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweep4j.config.Augmentation;
import org.sweep4j.config.JobFileParser;
import org.sweep4j.config.JobSpec;

class GridExpanderTest {
  private static final String JOB =
      """
      sweep: %s
      grid: {activations: [relu, selu, {leaky_relu: {alpha: 0.2}}], architectures: [small_cnn, deep_cnn], seeds: [1, 2]}
      training: {epochs: 3, batch_size: 10, learning_rate: %s}
      """;

  private static JobSpec job(String sweep, String learningRate) {
    return JobFileParser.parse("j.yaml", JOB.formatted(sweep, learningRate));
  }

  @Test
  void expandsTheFullProductSeedMajor() {
    List<TrialSpec> trials = GridExpander.expand(job("s", "0.001"));
    assertEquals(12, trials.size());
    assertEquals(1, trials.get(5).seed());
    assertEquals(2, trials.get(6).seed());
    assertEquals(
        12,
        new HashSet<>(trials.stream().map(TrialSpec::id).toList()).size(),
        "ids must be unique");
  }

  @Test
  void idsAreDeterministicReadableAndIgnoreTheSweepName() {
    List<TrialSpec> first = GridExpander.expand(job("a", "0.001"));
    List<TrialSpec> again = GridExpander.expand(job("b", "0.001"));
    assertEquals(
        first.stream().map(TrialSpec::id).toList(), again.stream().map(TrialSpec::id).toList());
    assertTrue(first.get(0).id().matches("small_cnn-relu-s1-[0-9a-f]{10}"), first.get(0).id());
  }

  @Test
  void idsChangeWithAnySettingThatChangesTheResult() {
    TrialSpec base = GridExpander.expand(job("a", "0.001")).get(0);
    TrialSpec otherRate = GridExpander.expand(job("a", "0.002")).get(0);
    assertNotEquals(base.id(), otherRate.id());
    TrialSpec leaky = GridExpander.expand(job("a", "0.001")).get(2);
    assertTrue(leaky.id().startsWith("small_cnn-leaky_relu-s1-"), leaky.id());
    assertTrue(leaky.canonical().contains("leaky_relu(alpha=0.2)"), leaky.canonical());
  }

  @Test
  void augmentationIsAnAxisThatOnlyAugmentedTrialsCarryInTheirIds() {
    JobSpec plain = job("a", "0.001");
    JobSpec both =
        JobFileParser.parse(
            "j.yaml",
            JOB.formatted("a", "0.001")
                .replace("seeds: [1, 2]}", "seeds: [1, 2], augmentations: [none, crop_flip]}"));
    List<TrialSpec> trials = GridExpander.expand(both);
    assertEquals(24, trials.size());
    List<String> plainIds = GridExpander.expand(plain).stream().map(TrialSpec::id).toList();
    List<String> unaugmented =
        trials.stream()
            .filter(t -> t.augmentation() == Augmentation.NONE)
            .map(TrialSpec::id)
            .toList();
    assertEquals(
        new HashSet<>(plainIds),
        new HashSet<>(unaugmented),
        "no augmentation: the ids they always had");
    TrialSpec augmented =
        trials.stream()
            .filter(t -> t.augmentation() == Augmentation.CROP_FLIP)
            .findFirst()
            .orElseThrow();
    assertTrue(augmented.id().matches("small_cnn-relu-crop_flip-s1-[0-9a-f]{10}"), augmented.id());
  }
}
