package org.nd4j.nativeblas;

/**
 * Compatibility shim, not part of sweep4j's API. DL4J 1.0.0-M2 decides whether its oneDNN layer
 * helpers may run by reflectively calling {@code
 * org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}, but ND4J M2 moved that
 * class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and renamed the
 * method {@code isUseONEDNN}. The lookup fails, so convolutions never use oneDNN and train ~4x
 * slower. This class answers the old lookup with the new binding's answer.
 */
public final class Nd4jCpu {
  private Nd4jCpu() {}

  /** The old name of ND4J's native environment, as DL4J M2 looks it up. */
  public static final class Environment {
    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    public static Environment getInstance() {
      return INSTANCE;
    }

    /** Whether the native library was built with oneDNN and may use it. */
    public boolean isUseMKLDNN() {
      return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
    }
  }
}
