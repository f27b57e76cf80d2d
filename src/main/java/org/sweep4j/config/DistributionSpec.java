package org.sweep4j.config;

/**
 * Spark parameter averaging: {@code workers} model copies each fit {@code averagingFrequency}
 * minibatches of {@code batchSizePerWorker} images, then their parameters and Adam state are
 * averaged.
 */
public record DistributionSpec(int workers, int averagingFrequency, int batchSizePerWorker) {
  public static final int MAX_WORKERS = 1024;

  public DistributionSpec {
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "distribution.workers must be in [1, " + MAX_WORKERS + "], found " + workers);
    }
    if (averagingFrequency < 1) {
      throw new IllegalArgumentException(
          "distribution.averaging_frequency must be at least 1, found " + averagingFrequency);
    }
    if (batchSizePerWorker < 1) {
      throw new IllegalArgumentException(
          "distribution.batch_size_per_worker must be at least 1, found " + batchSizePerWorker);
    }
  }

  public String canonical() {
    return "workers=" + workers + ",avg=" + averagingFrequency + ",bspw=" + batchSizePerWorker;
  }
}
