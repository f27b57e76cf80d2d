package org.sweep4j.results;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials side by side share {@code _checkpoints}: one finishing removes its own checkpoint and the
 * shared directory if empty, while another may be writing its first checkpoint into it. Hadoop's
 * local file system used to list and then delete recursively, taking the other trial's new
 * directory between its mkdir and chmod (a CI run lost a trial to "chmod: cannot access
 * .../_checkpoints/<trial>"); here two threads do just that thousands of times.
 */
class CheckpointDirectoryRaceTest {
  @TempDir Path dir;

  @Test
  void aFinishingTrialNeverTakesTheCheckpointDirectoryAnotherIsMaking() throws Exception {
    Path checkpoints = dir.resolve(ResultsStore.CHECKPOINTS);
    FileSystem fs = FileSystem.getLocal(new Configuration());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      // The trial that keeps writing first checkpoints, as SingleTaskTrainer does through Hadoop.
      Future<Integer> writes =
          writer.submit(
              () -> {
                int n = 0;
                while (!stop.get()) {
                  org.apache.hadoop.fs.Path state =
                      new org.apache.hadoop.fs.Path(checkpoints.resolve("b/epoch-1").toUri());
                  try (FSDataOutputStream out = fs.create(state, true)) {
                    out.write(1);
                  }
                  fs.delete(state.getParent(), true);
                  n++;
                }
                return n;
              });
      long end = System.nanoTime() + 3_000_000_000L;
      int removals = 0;
      while (System.nanoTime() < end && !writes.isDone()) {
        Files.createDirectories(checkpoints.resolve("a"));
        ResultsStore.removeCheckpointDirectory(checkpoints.resolve("a").toUri().toString());
        removals++;
      }
      stop.set(true);
      int written = writes.get(); // throws if a checkpoint write failed
      assertFalse(written == 0 || removals == 0, written + " writes, " + removals + " removals");
      assertFalse(Files.exists(checkpoints.resolve("a")));
      assertFalse(Files.exists(checkpoints.resolve("b")));
      ResultsStore.open(dir.toUri().toString()).removeEmptyCheckpoints();
      assertFalse(Files.exists(checkpoints), "removed once no trial runs");
    } finally {
      stop.set(true);
      writer.shutdownNow();
    }
  }
}
