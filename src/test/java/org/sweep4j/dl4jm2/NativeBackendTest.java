package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeBackendTest {
  @Test
  void readsCpuFlags() {
    String line = "flags\t\t: fpu vme sse2 avx fma avx2 bmi2";
    assertTrue(NativeBackend.hasFlags(line, "avx2", "fma"));
    assertFalse(NativeBackend.hasFlags("flags : fpu sse2 avx", "avx2", "fma"));
    assertFalse(NativeBackend.hasFlags("flags : avx2x fma", "avx2"), "whole flags only");
  }

  @Test
  void selectionIsRecordedForExecutors() {
    String extension = NativeBackend.select();
    boolean generic = "generic".equals(System.getenv("SWEEP4J_NATIVE"));
    assertEquals(
        !generic && NativeBackend.cpuHasAvx2() ? NativeBackend.ONEDNN_AVX2 : "", extension);
    assertTrue(
        NativeBackend.executorOptions()
            .contains("-Dorg.bytedeco.javacpp.platform.extension=" + extension));
  }

  /**
   * The library in memory is the one selected: the generic build in the test run the pom makes with
   * SWEEP4J_NATIVE=generic, the oneDNN one otherwise on this CPU.
   */
  @Test
  void loadsTheBuildItSelected() {
    String selected = NativeBackend.select();
    Nd4j.create(1); // loads the native library
    String loaded = LoadedNativeBuild.describe();
    assumeTrue(
        !loaded.equals("unknown"), "no /proc/self/maps here to read the loaded library from");
    if (selected.isEmpty()) {
      assertFalse(loaded.contains("onednn"), loaded);
    } else {
      assertTrue(loaded.endsWith(selected), loaded + " should end with " + selected);
    }
  }
}
