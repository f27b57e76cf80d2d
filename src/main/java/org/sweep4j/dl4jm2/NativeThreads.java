package org.sweep4j.dl4jm2;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sizes ND4J's OpenMP and OpenBLAS thread pools. In local mode every Spark task trains its model
 * copy in the same JVM, so each gets cores ÷ concurrent tasks threads; ND4J's default (all cores
 * for every task) makes tasks fight over the cache. An explicit {@code OMP_NUM_THREADS} is
 * respected.
 *
 * <p>OpenMP's thread count is a per-thread setting, and ND4J's initialisation left it at 4 on the
 * 2-core development machine, so oneDNN ops such as pooling ran 4-thread teams on 2 cores. {@link
 * #set} therefore also sets it for the calling thread, and {@link #pinCurrentThread} does the same
 * on Spark task threads, which DL4J's training and our scoring run on.
 */
public final class NativeThreads {
  /**
   * The OpenMP team size last given to each thread, so pinning an already pinned thread stays in
   * Java.
   */
  private static final ThreadLocal<Integer> PINNED = new ThreadLocal<>();

  /**
   * The per-task budget the last {@link #set} gave, 0 in a JVM where nothing set one (a cluster
   * executor).
   */
  private static volatile int budget;

  private NativeThreads() {}

  /** Sets and returns the threads each concurrent task gets. */
  public static int configure(int concurrentTasks) {
    int threads = fromEnvironment();
    if (threads < 1) {
      threads =
          Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, concurrentTasks));
    }
    set(threads);
    return threads;
  }

  /** A positive {@code OMP_NUM_THREADS} of this process's environment, else 0. */
  public static int fromEnvironment() {
    String value = System.getenv("OMP_NUM_THREADS");
    return value != null && value.matches("\\d{1,4}") ? Integer.parseInt(value) : 0;
  }

  /**
   * Sizes the threads of a Spark task running on the calling thread and returns them: {@code
   * threads} when the driver chose (local mode), else the executor's {@code OMP_NUM_THREADS}, else
   * the task's cores ({@code spark.task.cpus}).
   */
  public static int forTask(int threads) {
    int chosen = threads > 0 ? threads : fromEnvironment();
    if (chosen < 1) {
      org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
      chosen = task == null ? 1 : Math.max(1, task.cpus());
    }
    set(chosen);
    return chosen;
  }

  /**
   * Gives ND4J's OpenMP pool exactly {@code threads} threads, and OpenBLAS {@link #blasThreads} of
   * them.
   */
  public static void set(int threads) {
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.factory()
        .blas()
        .setMaxThreads(blasThreads(threads, ChannelsLastConvLayer.computesOnOneDnn()));
    budget = threads;
    setOmpThreadsOfCurrentThread(threads);
  }

  /**
   * OpenBLAS threads for a budget of {@code threads}. With oneDNN, convolutions run on oneDNN's
   * OpenMP team and OpenBLAS only multiplies the dense layers' small matrices; its idle workers
   * then spin in {@code sched_yield} for the cores the OpenMP team needs. One BLAS thread trained
   * the small CNN at 744 images/s instead of 572 and the deep CNN at 373 instead of 280 (2 cores,
   * {@code sweep4j bench}); on the generic build, whose convolutions also run on oneDNN, 1,330
   * instead of 977 and 399 instead of 319. Whichever ND4J build is loaded, only where oneDNN is
   * missing altogether (or switched off) do convolutions run on OpenBLAS, which then keeps the
   * whole budget: with DL4J's own im2col path one thread trained at 168 images/s against 187.
   */
  static int blasThreads(int threads, boolean oneDnn) {
    return oneDnn ? 1 : threads;
  }

  /**
   * Gives the calling thread's OpenMP teams the per-task budget of the last {@link #set} in this
   * JVM (in local mode, the driver's); cheap to call on every minibatch, it only talks to native
   * code when that changed.
   */
  public static void pinCurrentThread() {
    int threads = budget;
    if (threads > 0 && !Integer.valueOf(threads).equals(PINNED.get())) {
      setOmpThreadsOfCurrentThread(threads);
    }
  }

  /**
   * The threads work done in Java on the calling thread may use beside it: the team size the last
   * {@link #set} or {@link #pinCurrentThread} gave this thread, else 1.
   */
  static int threadsOfCurrentThread() {
    Integer pinned = PINNED.get();
    return pinned == null ? 1 : pinned;
  }

  /** The OpenMP team size ops started from the calling thread get. */
  public static int ompThreadsOfCurrentThread() {
    return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
  }

  private static void setOmpThreadsOfCurrentThread(int threads) {
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    PINNED.set(threads);
  }

  /**
   * "CpuBackend linux-amd64-onednn-avx2 (OPENBLAS, 2 threads per task)": stored with every trial.
   */
  public static String describeBackend(int threads) {
    return describeBackend(threads + " threads per task");
  }

  /** The backend of this JVM, with how its threads are set, e.g. "executors: OMP_NUM_THREADS=1". */
  public static String describeBackend(String threads) {
    java.util.Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
    String extension = System.getProperty(NativeBackend.EXTENSION_PROPERTY, "");
    return Nd4j.getBackend().getClass().getSimpleName()
        + " "
        + System.getProperty("os.name", "?").toLowerCase()
        + "-"
        + System.getProperty("os.arch", "?")
        + extension
        + " ("
        + info.getProperty("blas.vendor", "blas ?")
        + ", "
        + threads
        + ")";
  }
}
