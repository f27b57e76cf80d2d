package org.sweep4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an image set into shard files of official-layout records, one minibatch per file, so executors read
 * compact bytes (3,073 per image) instead of receiving decoded float arrays.
 */
public final class ShardWriter {
  private ShardWriter() {}

  /**
   * Writes images {@code [0, count)} of {@code images} as files of {@code perShard} records (the last may be
   * shorter) named {@code <prefix>-00000.bin} in {@code dir}, and returns their URIs in order.
   */
  public static List<String> write(ImageSet images, int count, int perShard, Path dir, String prefix) {
    if (perShard < 1) {
      throw new IllegalArgumentException("shard size must be at least 1, found " + perShard);
    }
    int n = Math.min(count, images.size());
    List<String> uris = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (int from = 0, index = 0; from < n; from += perShard, index++) {
        int to = Math.min(n, from + perShard);
        Path file = dir.resolve(String.format("%s-%05d.bin", prefix, index));
        Files.write(file, images.records(from, to));
        uris.add(file.toAbsolutePath().toUri().toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write data shards under " + dir + ": " + e.getMessage(), e);
    }
    return List.copyOf(uris);
  }
}
