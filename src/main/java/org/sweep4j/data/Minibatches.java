package org.sweep4j.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns official-layout records into DL4J minibatches: NCHW float pixels scaled to [0, 1], one-hot
 * labels.
 */
public final class Minibatches {
  private static final float SCALE = 1f / 255f;

  private Minibatches() {}

  /**
   * @param records whole 3,073-byte records
   * @param source names the records' origin in error messages
   */
  public static DataSet fromRecords(byte[] records, String source) {
    int n = CifarLayout.records(source, records);
    float[] features = new float[n * ImageSet.PIXELS];
    float[] labels = new float[n * ImageSet.CLASSES];
    for (int i = 0; i < n; i++) {
      int at = i * ImageSet.RECORD_BYTES;
      int label = CifarLayout.label(source, records, i);
      labels[i * ImageSet.CLASSES + label] = 1f;
      int out = i * ImageSet.PIXELS;
      for (int p = 0; p < ImageSet.PIXELS; p++) {
        features[out + p] = (records[at + 1 + p] & 0xff) * SCALE;
      }
    }
    INDArray x =
        Nd4j.create(features, new long[] {n, ImageSet.CHANNELS, ImageSet.SIDE, ImageSet.SIDE}, 'c')
            .castTo(DataType.FLOAT);
    INDArray y = Nd4j.create(labels, new long[] {n, ImageSet.CLASSES}, 'c').castTo(DataType.FLOAT);
    return new DataSet(x, y);
  }

  /** The minibatch of all of {@code images}. */
  public static DataSet fromImages(ImageSet images, String source) {
    return fromRecords(images.records(0, images.size()), source);
  }
}
