package org.sweep4j.training;

import java.lang.management.ManagementFactory;

/**
 * CPU utilisation of this JVM over an interval: process CPU time (every thread, ND4J's OpenMP
 * threads included) over wall time × cores. Idle cores are what a slow sweep wastes, so the bench
 * and the run summary report it.
 */
public final class CpuMeter {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final long startWall = System.nanoTime();
  private final long startCpu = os.getProcessCpuTime();

  /** Wall-clock seconds since this meter was made. */
  public double seconds() {
    return (System.nanoTime() - startWall) / 1e9;
  }

  /** CPU seconds this JVM used since this meter was made; NaN where the JVM cannot tell. */
  public double cpuSeconds() {
    long cpu = os.getProcessCpuTime();
    return cpu < 0 || startCpu < 0 ? Double.NaN : (cpu - startCpu) / 1e9;
  }

  /**
   * Percent of {@code cores} busy since this meter was made; NaN where the JVM cannot tell CPU
   * time.
   */
  public double percent(int cores) {
    long cpu = os.getProcessCpuTime();
    double wall = System.nanoTime() - startWall;
    if (cpu < 0 || startCpu < 0 || wall <= 0) {
      return Double.NaN;
    }
    return 100.0 * (cpu - startCpu) / (wall * cores);
  }
}
