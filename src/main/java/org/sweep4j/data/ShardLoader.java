package org.sweep4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.deeplearning4j.core.loader.DataSetLoader;
import org.nd4j.common.loader.Source;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.Augmentation;

/**
 * Loads one shard file (official-layout CIFAR-10 records) as a minibatch, on whichever executor DL4J's
 * parameter averaging sends the shard's path to, augmenting it when asked. The augmentation's random stream
 * is the loader's seed mixed with the shard's path, so a run is reproducible whichever executor loads a shard;
 * give each epoch its own seed for fresh crops and flips.
 */
public final class ShardLoader implements DataSetLoader {
  private static final long serialVersionUID = 2L;
  private final Augmentation augmentation;
  private final long seed;

  /** Plain loading, no augmentation (scoring, benchmarks). */
  public ShardLoader() {
    this(Augmentation.NONE, 0);
  }

  public ShardLoader(Augmentation augmentation, long seed) {
    this.augmentation = augmentation;
    this.seed = seed;
  }

  @Override
  public DataSet load(Source source) throws IOException {
    byte[] records;
    try (InputStream in = source.getInputStream()) {
      records = in.readAllBytes();
    }
    if (augmentation == Augmentation.CROP_FLIP) {
      Augmenter.cropAndFlip(records, new SplittableRandom(seed * 1_000_003L + source.getPath().hashCode()));
    }
    return Minibatches.fromRecords(records, source.getPath());
  }
}
