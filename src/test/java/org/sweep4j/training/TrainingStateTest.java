package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.ActivationName;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.Optimizer;
import org.sweep4j.config.TrainingSpec;
import org.sweep4j.data.Minibatches;
import org.sweep4j.data.SyntheticCifar;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;

/**
 * A trial's state survives the trip through a file: training goes on exactly as if it never left
 * memory.
 */
class TrainingStateTest {
  @TempDir Path dir;

  @Test
  void aNetworkRestoredFromItsStateTrainsOnExactlyLikeTheOriginal() throws IOException {
    TrialSpec trial =
        new TrialSpec(
            "state",
            ActivationSpec.of(ActivationName.RELU),
            Architecture.parse("small_cnn"),
            5,
            new DatasetSpec(DataSource.SYNTHETIC, null, 32, 32),
            new TrainingSpec(1, 16, Optimizer.ADAM, 1e-3, 0),
            new DistributionSpec(1, 1, 16));
    DataSet batch = Minibatches.fromImages(SyntheticCifar.images(16, 3), "batch");
    MultiLayerNetwork original = new MultiLayerNetwork(ModelFactory.build(trial));
    original.init();
    original.fit(batch);
    original.fit(batch);
    String file = dir.resolve("state").toUri().toString();
    TrainingState.of(original, 17).write(file, new Configuration());

    MultiLayerNetwork restored = new MultiLayerNetwork(ModelFactory.build(trial));
    TrainingState state = TrainingState.read(file, new Configuration());
    state.applyTo(restored);
    restored.setIterationCount(original.getIterationCount());
    assertEquals(17, state.iterations());
    assertEquals(original.params(), restored.params());
    assertEquals(
        original.getUpdater().getStateViewArray(),
        restored.getUpdater().getStateViewArray(),
        "Adam's moments travel with the parameters");
    original.fit(batch);
    restored.fit(batch);
    assertEquals(original.params(), restored.params(), "the next step is the same step");
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left beside the state");
    }
  }

  @Test
  void aTruncatedStateIsRefusedWithItsName() throws IOException {
    Path file = dir.resolve("cut");
    Files.write(
        file, new byte[] {0x53, 0x34, 0x4A, 0x53, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 9, 1, 2});
    IOException error =
        assertThrows(
            IOException.class,
            () -> TrainingState.read(file.toUri().toString(), new Configuration()));
    assertTrue(
        error.getMessage().contains("cut short")
            && error.getMessage().contains(file.toUri().getPath()),
        error.getMessage());
  }
}
