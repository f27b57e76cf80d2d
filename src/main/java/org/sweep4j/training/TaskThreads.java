package org.sweep4j.training;

import java.util.function.IntSupplier;
import org.sweep4j.dl4jm2.NativeThreads;

/**
 * How many native threads each Spark task trains with. In local mode every task shares this
 * machine's cores: each gets cores ÷ the tasks that can run at once, which is the task slots, or
 * fewer once the sweep has fewer tasks left than slots (the last trial of a sweep then gets every
 * core). That count only falls as a sweep goes on, so tasks sized earlier never oversubscribe the
 * cores. An explicit {@code OMP_NUM_THREADS} wins. On a cluster each executor decides (0): its
 * {@code OMP_NUM_THREADS}, else {@code spark.task.cpus}.
 */
final class TaskThreads {
  private TaskThreads() {}

  /**
   * @param slots task slots now
   * @param demand task slots the sweep's running and waiting trials would fill
   */
  static IntSupplier of(String master, IntSupplier slots, IntSupplier demand) {
    if (!SparkSetup.isLocal(master)) {
      return () -> 0;
    }
    int fromEnvironment = NativeThreads.fromEnvironment();
    if (fromEnvironment > 0) {
      return () -> fromEnvironment;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return () -> perTask(cores, slots.getAsInt(), demand.getAsInt());
  }

  static int perTask(int cores, int slots, int demand) {
    return Math.max(1, cores / Math.max(1, Math.min(slots, demand)));
  }
}
