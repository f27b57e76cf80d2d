package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class MinibatchesTest {
  @Test
  void recordsBecomeScaledNchwFeaturesAndOneHotLabels() {
    ImageSet images = SyntheticCifar.images(3, 5);
    DataSet batch = Minibatches.fromRecords(images.records(0, 3), "test");
    assertArrayEquals(new long[] {3, 3, 32, 32}, batch.getFeatures().shape());
    assertArrayEquals(new long[] {3, 10}, batch.getLabels().shape());
    int image = 2;
    int channel = 1;
    int y = 4;
    int x = 7;
    int raw = images.pixels()[image * ImageSet.PIXELS + channel * 1024 + y * 32 + x] & 0xff;
    assertEquals(raw / 255.0, batch.getFeatures().getDouble(image, channel, y, x), 1e-6);
    assertEquals(images.labels()[image], batch.getLabels().argMax(1).getInt(image));
    assertEquals(1.0, batch.getLabels().getRow(image).sumNumber().doubleValue(), 1e-9);
  }

  @Test
  void rejectsPartialRecords() {
    CifarFormatException e =
        assertThrows(
            CifarFormatException.class, () -> Minibatches.fromRecords(new byte[100], "shard-7"));
    assertEquals(
        "shard-7: 100 bytes is not a whole number of 3073-byte CIFAR-10 records (truncated, or not"
            + " the binary layout)",
        e.getMessage());
  }
}
