package org.sweep4j.data;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Minibatches kept in memory by the JVM that loaded them (an executor, or the driver in local
 * mode), keyed by shard URI: a sweep's shards are written once per run under a fresh directory and
 * never change, so every epoch of every trial after the first finds its minibatches here instead of
 * reading and decoding the file again. Decoded minibatches are kept for plain training; augmented
 * training keeps the raw records (each epoch crops and flips them anew). Least recently used
 * entries go when the budget ({@code -Dsweep4j.minibatchCacheMb}, default {@value
 * #DEFAULT_BUDGET_MB} MB per JVM, 0 = off) is exceeded.
 */
public final class MinibatchCache {
  static final long DEFAULT_BUDGET_MB = 2_048;

  /** Loads what is not cached. */
  @FunctionalInterface
  public interface Loader<T> {
    T load() throws IOException;
  }

  private record Entry(Object value, long bytes) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>(64, 0.75f, true);
  private static long used;
  private static long hits;
  private static long misses;

  private MinibatchCache() {}

  public static DataSet decoded(String uri, Loader<DataSet> loader) throws IOException {
    return (DataSet) get("decoded:" + uri, loader, MinibatchCache::sizeOf);
  }

  public static byte[] records(String uri, Loader<byte[]> loader) throws IOException {
    return (byte[]) get("records:" + uri, loader, bytes -> ((byte[]) bytes).length);
  }

  private static Object get(
      String key, Loader<?> loader, java.util.function.ToLongFunction<Object> size)
      throws IOException {
    synchronized (ENTRIES) {
      Entry entry = ENTRIES.get(key);
      if (entry != null) {
        hits++;
        return entry.value();
      }
      misses++;
    }
    Object value = loader.load();
    long bytes = size.applyAsLong(value);
    long budget = budgetBytes();
    if (bytes <= budget) {
      synchronized (ENTRIES) {
        if (ENTRIES.putIfAbsent(key, new Entry(value, bytes)) == null) {
          used += bytes;
          evictDownTo(budget);
        }
      }
    }
    return value;
  }

  private static void evictDownTo(long budget) {
    Iterator<Entry> oldestFirst = ENTRIES.values().iterator();
    while (used > budget && oldestFirst.hasNext()) {
      used -= oldestFirst.next().bytes();
      oldestFirst.remove();
    }
  }

  static long budgetBytes() {
    return Long.getLong("sweep4j.minibatchCacheMb", DEFAULT_BUDGET_MB) * 1024 * 1024;
  }

  private static long sizeOf(Object value) {
    DataSet data = (DataSet) value;
    return data.getFeatures().length() * 4 + data.getLabels().length() * 4;
  }

  /** Hits and misses since the JVM started, and the bytes held: "hits/misses/bytes". */
  public static String stats() {
    synchronized (ENTRIES) {
      return hits + "/" + misses + "/" + used;
    }
  }

  /** Forgets everything (tests). */
  static void clear() {
    synchronized (ENTRIES) {
      ENTRIES.clear();
      used = 0;
    }
  }
}
