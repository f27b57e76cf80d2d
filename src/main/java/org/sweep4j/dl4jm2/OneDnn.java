package org.sweep4j.dl4jm2;

import org.bytedeco.dnnl.engine;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oneDNN (JavaCPP's {@code org.bytedeco:dnnl} build), called directly rather than through libnd4j.
 * It runs on the OpenMP runtime ND4J already loaded (both link {@code libgomp.so.1}), so {@code
 * NativeThreads} sizes its teams too. Whether it may be used is decided once per JVM: not when
 * DL4J's helpers are switched off (the reference path), not when {@code -Dsweep4j.onednn=false},
 * and not when its native library does not load.
 */
final class OneDnn {
  /** Set to false to train every convolution on DL4J's own code path. */
  static final String PROPERTY = "sweep4j.onednn";

  private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);

  /** Made on first use; creating layers and primitives is rare enough to synchronise on. */
  private static engine cpu;

  private static Boolean loads;

  private OneDnn() {}

  /**
   * Whether layers built now should compute in oneDNN directly (float data, helpers allowed,
   * library loads).
   */
  static boolean usable(DataType dataType) {
    return dataType == DataType.FLOAT
        && !"false".equals(System.getProperty(PROPERTY))
        && Nd4j.getEnvironment().helpersAllowed()
        && loads();
  }

  /** The CPU engine every primitive is created on; engines are thread-safe. */
  static synchronized engine engine() {
    if (cpu == null) {
      cpu = new engine(engine.kind.cpu, 0);
    }
    return cpu;
  }

  private static synchronized boolean loads() {
    if (loads == null) {
      try {
        engine();
        loads = true;
      } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError: another OS or CPU
        LOG.warn(
            "oneDNN did not load ({}); convolutions run on DL4J's own code path", e.toString());
        loads = false;
      }
    }
    return loads;
  }

  /**
   * Where {@code array}'s first element lies, for oneDNN memory objects; the array must be
   * contiguous.
   */
  static Pointer address(INDArray array) {
    long at = array.data().address() + array.offset() * array.data().getElementSize();
    return new Pointer() {
      {
        address = at;
      }
    };
  }
}
