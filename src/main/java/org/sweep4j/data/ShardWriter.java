package org.sweep4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Cuts an image set into shard files of official-layout records, one minibatch per file, so
 * executors read compact bytes (3,073 per image) instead of receiving decoded float arrays. The
 * directory may be on any Hadoop-compatible file system (local, HDFS, S3A…), so executors on other
 * machines can read the shards.
 */
public final class ShardWriter {
  private ShardWriter() {}

  /**
   * Writes images {@code [0, count)} of {@code images} as files of {@code perShard} records (the
   * last may be shorter) named {@code <prefix>-00000.bin} in {@code dir} (a path or URI), and
   * returns their fully qualified URIs in order.
   */
  public static List<String> write(
      ImageSet images, int count, int perShard, String dir, String prefix) {
    if (perShard < 1) {
      throw new IllegalArgumentException("shard size must be at least 1, found " + perShard);
    }
    int n = Math.min(count, images.size());
    List<String> uris = new ArrayList<>();
    Path base = new Path(dir);
    try {
      FileSystem fs = base.getFileSystem(new Configuration());
      fs.setWriteChecksum(false);
      fs.mkdirs(base);
      for (int from = 0, index = 0; from < n; from += perShard, index++) {
        int to = Math.min(n, from + perShard);
        Path file = new Path(base, String.format("%s-%05d.bin", prefix, index));
        try (FSDataOutputStream out = fs.create(file, true)) {
          out.write(images.records(from, to));
        }
        // Percent-encoded, for DL4J's new URI(name): see ShardSource.
        uris.add(fs.makeQualified(file).toUri().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write data shards under " + dir + ": " + e.getMessage(), e);
    }
    return List.copyOf(uris);
  }
}
