package org.sweep4j.results;

/**
 * Stops the JVM dead at a chosen step of recording a trial, as {@code kill -9} would there: set
 * {@code -Dsweep4j.faults.halt-after=<step>} (e.g. {@code epochs}). For the tests that check the
 * tables after a kill at every step; never set otherwise.
 */
final class WriteFaults {
  static final String PROPERTY = "sweep4j.faults.halt-after";

  /** The exit status of a process killed by SIGKILL. */
  private static final int KILLED = 137;

  private WriteFaults() {}

  static void reached(String step) {
    if (step.equals(System.getProperty(PROPERTY))) {
      System.out.flush();
      Runtime.getRuntime().halt(KILLED);
    }
  }
}
