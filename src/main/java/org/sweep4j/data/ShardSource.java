package org.sweep4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.nd4j.common.loader.Source;

/**
 * A shard file named by its URI, opened through Hadoop. Shards are named by percent-encoded URIs
 * ({@code file:/tmp/my%20results/...}) because DL4J's parameter averaging parses each name with
 * {@code new URI(name)}, which refuses a space; Hadoop's {@code new Path(String)} would then take
 * {@code %20} literally, so a shard is always opened from the URI, never from DL4J's own source.
 */
public final class ShardSource implements Source {
  /** Hadoop's defaults of this JVM (core-site.xml on the class path), built once. */
  private static Configuration hadoop;

  private final String uri;

  public ShardSource(String uri) {
    this.uri = uri;
  }

  /** The Hadoop path a shard URI names. */
  public static Path path(String uri) {
    return new Path(URI.create(uri));
  }

  /** Opens the shard {@code uri} names. */
  public static InputStream open(String uri) throws IOException {
    Path path = path(uri);
    return path.getFileSystem(hadoop()).open(path);
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return open(uri);
  }

  @Override
  public String getPath() {
    return uri;
  }

  private static synchronized Configuration hadoop() {
    if (hadoop == null) {
      hadoop = new Configuration();
    }
    return hadoop;
  }
}
