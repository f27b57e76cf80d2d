package org.sweep4j.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A one-worker trial between two epochs: its parameters, its optimizer's state (Adam's moments) and
 * the iteration count DL4J's training master would have given the next round. It travels as a file
 * on the run's shard file system, from the executor that trained one epoch to the one that trains
 * the next, so parameters never pass through the driver.
 */
final class TrainingState {
  private static final int MAGIC = 0x53344A53; // "S4JS"
  private static final int VERSION = 1;

  private final float[] params;
  private final float[] updater;
  private final int iterations;

  private TrainingState(float[] params, float[] updater, int iterations) {
    this.params = params;
    this.updater = updater;
    this.iterations = iterations;
  }

  /** The state of {@code network}, with the iteration count its next round starts from. */
  static TrainingState of(MultiLayerNetwork network, int iterations) {
    INDArray updaterState =
        network.getUpdater() == null ? null : network.getUpdater().getStateViewArray();
    return new TrainingState(
        network.params().toFloatVector(),
        updaterState == null ? null : updaterState.toFloatVector(),
        iterations);
  }

  int iterations() {
    return iterations;
  }

  /**
   * Gives a network made from the trial's configuration (not yet initialised) these parameters and
   * state.
   */
  void applyTo(MultiLayerNetwork network) {
    network.init(Nd4j.create(params).reshape(1, params.length), false);
    if (updater != null) {
      network.setUpdater(
          new MultiLayerUpdater(network, Nd4j.create(updater).reshape(1, updater.length)));
    }
  }

  /**
   * Writes under a hidden name and renames, so a reader never sees half a state (and a retried task
   * replaces it).
   */
  void write(String uri, Configuration hadoop) throws IOException {
    Path target = new Path(uri);
    FileSystem fs = target.getFileSystem(hadoop);
    fs.setWriteChecksum(false);
    Path temporary = new Path(target.getParent(), "." + target.getName() + "-" + UUID.randomUUID());
    try {
      try (DataOutputStream out = new DataOutputStream(fs.create(temporary, true))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(iterations);
        writeFloats(out, params);
        out.writeBoolean(updater != null);
        if (updater != null) {
          writeFloats(out, updater);
        }
      }
      fs.delete(target, false);
      if (!fs.rename(temporary, target)) {
        throw new IOException("cannot rename " + temporary + " to " + target);
      }
    } finally {
      fs.delete(temporary, false);
    }
  }

  static TrainingState read(String uri, Configuration hadoop) throws IOException {
    Path path = new Path(uri);
    try (DataInputStream in = new DataInputStream(path.getFileSystem(hadoop).open(path))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new IOException("not a sweep4j training state of version " + VERSION);
      }
      int iterations = in.readInt();
      float[] params = readFloats(in);
      float[] updater = in.readBoolean() ? readFloats(in) : null;
      return new TrainingState(params, updater, iterations);
    } catch (java.io.EOFException e) {
      throw new IOException(uri + ": training state is cut short", e);
    } catch (IOException e) {
      throw new IOException(uri + ": " + e.getMessage(), e);
    }
  }

  private static void writeFloats(OutputStream out, float[] values) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(4 + 4 * values.length).order(ByteOrder.BIG_ENDIAN);
    bytes.putInt(values.length);
    bytes.asFloatBuffer().put(0, values);
    bytes.position(bytes.capacity());
    out.write(bytes.array());
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("training state holds a negative array length");
    }
    byte[] raw = in.readNBytes(4 * length);
    if (raw.length != 4 * length) {
      throw new java.io.EOFException();
    }
    float[] values = new float[length];
    ByteBuffer.wrap(raw).asFloatBuffer().get(values);
    return values;
  }
}
