package org.sweep4j.dl4jm2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a loop over row pairs in contiguous parts, one on the calling thread and the others on
 * helper threads, and returns when all are done: Java max-pooling then uses the threads a task's
 * native ops get instead of one. The parts write disjoint rows, so the result is the same however
 * the loop is split.
 */
final class RowPairSplit {
  /** The loop's body over row pairs {@code from} (inclusive) to {@code to} (exclusive). */
  @FunctionalInterface
  interface Body {
    void run(int from, int to);
  }

  private static final ExecutorService HELPERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "sweep4j-maxpool");
            thread.setDaemon(true);
            return thread;
          });

  private RowPairSplit() {}

  static void run(int pairs, int parts, Body body) {
    if (parts <= 1 || pairs < 2) {
      body.run(0, pairs);
      return;
    }
    int count = Math.min(parts, pairs);
    List<Future<?>> helpers = new ArrayList<>();
    for (int part = 1; part < count; part++) {
      int from = bound(pairs, count, part);
      int to = bound(pairs, count, part + 1);
      helpers.add(HELPERS.submit(() -> body.run(from, to)));
    }
    body.run(0, bound(pairs, count, 1));
    for (Future<?> helper : helpers) {
      await(helper);
    }
  }

  private static int bound(int pairs, int parts, int part) {
    return (int) ((long) pairs * part / parts);
  }

  private static void await(Future<?> helper) {
    try {
      helper.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while max-pooling", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("max-pooling failed", e.getCause());
    }
  }
}
