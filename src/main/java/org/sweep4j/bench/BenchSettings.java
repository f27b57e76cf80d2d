package org.sweep4j.bench;

import java.util.List;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.DataSource;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.Optimizer;
import org.sweep4j.config.TrainingSpec;
import org.sweep4j.grid.TrialSpec;

/**
 * What one bench run measures.
 *
 * @param batchSize images per minibatch: of the single JVM, of PyTorch, and of each Spark worker
 * @param warmupBatches minibatches trained before timing starts (JIT, native kernels, allocators)
 * @param batches minibatches timed; for Spark, rounded up to whole averaging rounds of all workers
 * @param threads native threads of the single-JVM and PyTorch runs; Spark tasks share these cores
 * @param workers Spark workers ({@code local[workers]}), each a model copy with threads ÷ workers
 *     threads
 * @param dataPath CIFAR-10 binary data to train on, or null for the built-in synthetic set
 * @param modes which of {@code single}, {@code spark}, {@code trials}, {@code sweep}, {@code
 *     driver}, {@code torch}, {@code peak} to run
 * @param sweep the size of the real sweep the {@code sweep} mode runs
 */
public record BenchSettings(
    List<Architecture> architectures,
    ActivationSpec activation,
    int batchSize,
    int warmupBatches,
    int batches,
    int threads,
    int workers,
    int averagingFrequency,
    String dataPath,
    List<String> modes,
    SweepSize sweep) {
  public static final List<String> MODES =
      List.of("single", "spark", "trials", "sweep", "driver", "torch", "peak");

  /**
   * The {@code sweep} mode's sweep: {@code trials} seeds × {@code epochs} epochs × {@code images}
   * training images, one worker each.
   */
  public record SweepSize(int trials, int epochs, int images) {
    public static final SweepSize DEFAULT = new SweepSize(4, 3, 10_000);

    public SweepSize {
      positive("--sweep-trials", trials);
      positive("--sweep-epochs", epochs);
      if (images < 1 || images > DatasetSpec.MAX_TRAIN) {
        throw new IllegalArgumentException(
            "--sweep-images must be in [1, " + DatasetSpec.MAX_TRAIN + "], found " + images);
      }
    }
  }

  public BenchSettings {
    if (architectures.isEmpty()) {
      throw new IllegalArgumentException(
          "--architectures: name at least one (valid: " + Architecture.all() + ")");
    }
    positive("--batch-size", batchSize);
    positive("--batches", batches);
    positive("--threads", threads);
    positive("--workers", workers);
    positive("--averaging-frequency", averagingFrequency);
    if (warmupBatches < 0) {
      throw new IllegalArgumentException("--warmup must be 0 or more, found " + warmupBatches);
    }
    for (String mode : modes) {
      if (!MODES.contains(mode)) {
        throw new IllegalArgumentException(
            "--modes: unknown mode '" + mode + "' (valid: " + String.join(", ", MODES) + ")");
      }
    }
    if (imagesNeeded(batchSize, warmupBatches, sparkBatches(batches, workers, averagingFrequency))
        > DatasetSpec.MAX_TRAIN) {
      throw new IllegalArgumentException(
          "--batches "
              + batches
              + " and --warmup "
              + warmupBatches
              + " of "
              + batchSize
              + " images need more than the "
              + DatasetSpec.MAX_TRAIN
              + " training images CIFAR-10 has");
    }
    architectures = List.copyOf(architectures);
    modes = List.copyOf(modes);
    if (sweep == null) {
      sweep = SweepSize.DEFAULT;
    }
  }

  private static void positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, found " + value);
    }
  }

  /**
   * Timed Spark minibatches: {@code batches} rounded up to whole rounds of workers × averaging
   * frequency.
   */
  public int sparkBatches() {
    return sparkBatches(batches, workers, averagingFrequency);
  }

  private static int sparkBatches(int batches, int workers, int averagingFrequency) {
    int round = workers * averagingFrequency;
    return (batches + round - 1) / round * round;
  }

  /**
   * Distinct images trained on: every minibatch of the warm-up and the timed part is a new slice of
   * data.
   */
  public int images() {
    return imagesNeeded(batchSize, warmupBatches, Math.max(batches, sparkBatches()));
  }

  private static int imagesNeeded(int batchSize, int warmup, int timed) {
    return batchSize * (warmup + timed);
  }

  /** The same bench with another activation in every hidden layer. */
  public BenchSettings withActivation(ActivationSpec other) {
    return new BenchSettings(
        architectures,
        other,
        batchSize,
        warmupBatches,
        batches,
        threads,
        workers,
        averagingFrequency,
        dataPath,
        modes,
        sweep);
  }

  public boolean runs(String mode) {
    return modes.contains(mode);
  }

  /** Whether to time single-JVM training: asked for, or needed as the sweep mode's yardstick. */
  public boolean runsSingle() {
    return runs("single") || runs("sweep");
  }

  /** The trial the bench trains: seed 1, Keras-default Adam, one epoch over the bench's images. */
  TrialSpec trial(Architecture architecture, int workersOfTrial) {
    DatasetSpec dataset =
        new DatasetSpec(
            dataPath == null ? DataSource.SYNTHETIC : DataSource.CIFAR10, dataPath, images(), 1);
    return new TrialSpec(
        "bench",
        activation,
        architecture,
        1,
        dataset,
        new TrainingSpec(1, batchSize * workersOfTrial, Optimizer.ADAM, 1e-3, 0),
        new DistributionSpec(workersOfTrial, averagingFrequency, batchSize));
  }
}
