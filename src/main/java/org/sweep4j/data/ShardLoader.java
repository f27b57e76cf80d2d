package org.sweep4j.data;

import java.io.IOException;
import java.io.InputStream;
import org.deeplearning4j.core.loader.DataSetLoader;
import org.nd4j.common.loader.Source;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Loads one shard file (official-layout CIFAR-10 records) as a minibatch, on whichever executor DL4J's
 * parameter averaging sends the shard's path to.
 */
public final class ShardLoader implements DataSetLoader {
  private static final long serialVersionUID = 1L;

  @Override
  public DataSet load(Source source) throws IOException {
    try (InputStream in = source.getInputStream()) {
      return Minibatches.fromRecords(in.readAllBytes(), source.getPath());
    }
  }
}
