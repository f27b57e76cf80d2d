package org.sweep4j.training;

import java.io.IOException;
import org.deeplearning4j.core.loader.DataSetLoader;
import org.nd4j.common.loader.Source;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.data.ShardLoader;
import org.sweep4j.dl4jm2.NativeThreads;

/**
 * The shard loader DL4J's parameter averaging calls on each Spark task thread before fitting a
 * minibatch: the one place our code runs on that thread, so it sizes the thread's OpenMP teams
 * there (see {@link NativeThreads}).
 */
public final class PinnedShardLoader implements DataSetLoader {
  private static final long serialVersionUID = 1L;
  private final ShardLoader shards;

  public PinnedShardLoader() {
    this(new ShardLoader());
  }

  public PinnedShardLoader(ShardLoader shards) {
    this.shards = shards;
  }

  @Override
  public DataSet load(Source source) throws IOException {
    NativeThreads.pinCurrentThread();
    return shards.load(source);
  }
}
