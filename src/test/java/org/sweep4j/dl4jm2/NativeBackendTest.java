package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
    assertEquals(NativeBackend.cpuHasAvx2() ? NativeBackend.ONEDNN_AVX2 : "", extension);
    assertTrue(
        NativeBackend.executorOptions()
            .contains("-Dorg.bytedeco.javacpp.platform.extension=" + extension));
  }
}
