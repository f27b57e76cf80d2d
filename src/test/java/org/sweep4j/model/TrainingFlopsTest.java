package org.sweep4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.dl4jm2.MatmulPeak;
import org.sweep4j.grid.TrialSpec;

/** Training FLOPs per image counted by hand for the small CNN; the peak measures something. */
class TrainingFlopsTest {
  @Test
  void smallCnnCountsEachProductOnceForwardAndTwiceBackwardButTheFirstLayerOnce() {
    TrialSpec trial =
        ModelFactoryTest.trial(
            Architecture.parse("small_cnn"), ActivationSpec.of(ActivationName.RELU));
    double conv1 = 2.0 * 3 * 3 * 3 * 32 * 30 * 30; // valid 3×3 on 32×32×3
    double conv2 = 2.0 * 3 * 3 * 32 * 64 * 13 * 13; // on the pooled 15×15×32
    double dense = 2.0 * 6 * 6 * 64 * 10; // the pooled 6×6×64 to 10 classes
    assertEquals(
        2 * conv1 + 3 * conv2 + 3 * dense, TrainingFlops.perImage(ModelFactory.build(trial)), 0.5);
  }

  @Test
  void peakIsAPositiveRate() {
    double gflops = MatmulPeak.gflops(128, 1);
    assertTrue(gflops > 0.1 && Double.isFinite(gflops), "peak " + gflops);
  }
}
