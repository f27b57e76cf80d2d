package org.sweep4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.deeplearning4j.core.loader.DataSetLoader;
import org.nd4j.common.loader.Source;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.Augmentation;

/**
 * Loads one shard file (official-layout CIFAR-10 records) as a minibatch, on whichever executor
 * DL4J's parameter averaging sends the shard's path to, augmenting it when asked. The
 * augmentation's random stream is the loader's seed mixed with the shard's file name, so a run is
 * reproducible whichever executor loads a shard and in whichever directory the run put its shards;
 * give each epoch its own seed for fresh crops and flips. Minibatches come from the JVM's {@link
 * MinibatchCache} after their first load.
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

  /**
   * The loader of one epoch of a trial: fresh crops and flips every epoch, the same ones on every
   * rerun.
   */
  public static ShardLoader forEpoch(Augmentation augmentation, long trialSeed, int epoch) {
    return new ShardLoader(augmentation, trialSeed * 10_007L + epoch);
  }

  @Override
  public DataSet load(Source source) throws IOException {
    String path = source.getPath();
    if (augmentation == Augmentation.NONE) {
      return MinibatchCache.decoded(path, () -> Minibatches.fromRecords(read(source), path));
    }
    // Augmentation works on a copy: the cached records stay as the file holds them.
    byte[] records = MinibatchCache.records(path, () -> read(source)).clone();
    // The shard's file name, not its path: each run writes its shards under a fresh directory, and
    // a rerun must
    // crop and flip the same way.
    String name = path.substring(path.lastIndexOf('/') + 1);
    Augmenter.cropAndFlip(records, new SplittableRandom(seed * 1_000_003L + name.hashCode()));
    return Minibatches.fromRecords(records, path);
  }

  /** The shard's bytes, opened from its URI whatever the source ({@link ShardSource} says why). */
  private static byte[] read(Source source) throws IOException {
    try (InputStream in = ShardSource.open(source.getPath())) {
      return in.readAllBytes();
    }
  }
}
