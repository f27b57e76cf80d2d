package org.sweep4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.loader.LocalFileSourceFactory;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.Augmentation;

/** Shards are read and decoded once per JVM; augmentation works on copies of the cached records. */
class ShardLoaderCacheTest {
  @TempDir Path dir;

  @AfterEach
  void reset() {
    System.clearProperty("sweep4j.minibatchCacheMb");
    MinibatchCache.clear();
  }

  private String shard(String name, long seed) throws IOException {
    ImageSet images = SyntheticCifar.images(8, seed);
    return Files.write(dir.resolve(name), images.records(0, images.size())).toString();
  }

  private static DataSet load(ShardLoader loader, String path) throws IOException {
    return loader.load(new LocalFileSourceFactory().getSource(path));
  }

  @Test
  void aShardIsDecodedOnceAndServedFromMemoryAfterwards() throws IOException {
    String path = shard("a.bin", 1);
    DataSet first = load(new ShardLoader(), path);
    Files.delete(Path.of(path));
    DataSet again = load(new ShardLoader(), path);
    assertSame(first, again, "the second epoch reads neither the file nor decodes again");
    assertEquals(
        Minibatches.fromImages(SyntheticCifar.images(8, 1), "x").getFeatures(),
        again.getFeatures());
  }

  @Test
  void augmentationDrawsFromCachedRecordsWithoutChangingThem() throws IOException {
    String path = shard("b.bin", 2);
    DataSet epoch1 = load(new ShardLoader(Augmentation.CROP_FLIP, 1), path);
    Files.delete(Path.of(path));
    DataSet epoch2 = load(new ShardLoader(Augmentation.CROP_FLIP, 2), path);
    DataSet epoch1Again = load(new ShardLoader(Augmentation.CROP_FLIP, 1), path);
    assertNotEquals(epoch1.getFeatures(), epoch2.getFeatures(), "each epoch crops and flips anew");
    assertEquals(
        epoch1.getFeatures(), epoch1Again.getFeatures(), "from the same, unmodified records");
  }

  @Test
  void augmentationDependsOnTheShardsNameNotItsDirectory() throws IOException {
    ImageSet images = SyntheticCifar.images(8, 4);
    Files.createDirectories(dir.resolve("run1"));
    Files.createDirectories(dir.resolve("run2"));
    String first =
        Files.write(dir.resolve("run1/train-00003.bin"), images.records(0, 8)).toString();
    String second =
        Files.write(dir.resolve("run2/train-00003.bin"), images.records(0, 8)).toString();
    assertEquals(
        load(new ShardLoader(Augmentation.CROP_FLIP, 9), first).getFeatures(),
        load(new ShardLoader(Augmentation.CROP_FLIP, 9), second).getFeatures(),
        "a rerun augments alike");
  }

  @Test
  void aZeroBudgetCachesNothing() throws IOException {
    System.setProperty("sweep4j.minibatchCacheMb", "0");
    String path = shard("c.bin", 3);
    load(new ShardLoader(), path);
    Files.delete(Path.of(path));
    assertThrows(IOException.class, () -> load(new ShardLoader(), path));
  }
}
