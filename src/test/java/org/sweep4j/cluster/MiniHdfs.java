package org.sweep4j.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.sweep4j.data.SyntheticWriter;

/**
 * Hadoop's HDFS mini cluster (a name node and a data node in this JVM, on free ports, its blocks
 * under {@code DIR/hdfs}) with the synthetic set in CIFAR-10's binary layout at {@link #data()}.
 */
final class MiniHdfs implements AutoCloseable {
  private final MiniDFSCluster cluster;

  private MiniHdfs(MiniDFSCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Starts it with {@code conf} (a YARN configuration too, for the mini YARN cluster beside it).
   */
  static MiniHdfs start(Configuration conf, Path dir) throws IOException {
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
    MiniHdfs hdfs = new MiniHdfs(new MiniDFSCluster.Builder(conf).numDataNodes(1).build());
    hdfs.cluster.waitClusterUp();
    Path local = SyntheticWriter.write(Files.createDirectories(dir.resolve("local-data")));
    hdfs.fileSystem()
        .copyFromLocalFile(
            new org.apache.hadoop.fs.Path(local.toUri()),
            new org.apache.hadoop.fs.Path(hdfs.data()));
    return hdfs;
  }

  /** {@code hdfs://localhost:PORT}. */
  String root() {
    return cluster.getURI().toString();
  }

  /** The data directory, {@code ROOT/data}, as {@code dataset.path} or {@code --data}. */
  String data() {
    return root() + "/data";
  }

  FileSystem fileSystem() throws IOException {
    return cluster.getFileSystem();
  }

  @Override
  public void close() {
    cluster.shutdown();
  }
}
