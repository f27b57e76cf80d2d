package org.sweep4j.training;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Sizes ND4J's OpenMP and OpenBLAS thread pools. In local mode every Spark task trains its model copy in the
 * same JVM, so each gets cores ÷ concurrent tasks threads; ND4J's default (all cores for every task) makes
 * tasks fight over the cache. An explicit {@code OMP_NUM_THREADS} is respected.
 */
public final class NativeThreads {
  private NativeThreads() {}

  /** Sets and returns the threads each concurrent task gets. */
  public static int configure(int concurrentTasks) {
    String fromEnvironment = System.getenv("OMP_NUM_THREADS");
    int threads;
    if (fromEnvironment != null && fromEnvironment.matches("\\d+") && Integer.parseInt(fromEnvironment) > 0) {
      threads = Integer.parseInt(fromEnvironment);
    } else {
      threads = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, concurrentTasks));
    }
    set(threads);
    return threads;
  }

  /** Gives ND4J's OpenMP and BLAS pools exactly {@code threads} threads. */
  public static void set(int threads) {
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
  }

  /** "nd4j-native linux-x86_64 (OPENBLAS, 2 threads)": stored with every trial. */
  public static String describeBackend(int threads) {
    java.util.Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
    String extension = System.getProperty(NativeBackend.EXTENSION_PROPERTY, "");
    return Nd4j.getBackend().getClass().getSimpleName() + " " + System.getProperty("os.name", "?").toLowerCase()
        + "-" + System.getProperty("os.arch", "?") + extension + " (" + info.getProperty("blas.vendor", "blas ?")
        + ", " + threads + " threads per task)";
  }
}
