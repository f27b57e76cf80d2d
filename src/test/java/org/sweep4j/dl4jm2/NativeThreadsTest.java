package org.sweep4j.dl4jm2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** OpenMP team sizes are per thread: ND4J's budget must reach the thread that runs the ops. */
class NativeThreadsTest {
  @AfterEach
  void restoreDefault() {
    NativeThreads.set(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void setSizesTheCallingThreadsOpenMpTeams() {
    NativeThreads.set(1);
    assertEquals(1, NativeThreads.ompThreadsOfCurrentThread());
    NativeThreads.set(3);
    assertEquals(3, NativeThreads.ompThreadsOfCurrentThread());
  }

  @Test
  void openBlasGetsOneThreadBesideOneDnnAndTheBudgetOtherwise() {
    NativeThreads.set(2);
    int expected = ChannelsLastConvLayer.computesOnOneDnn() ? 1 : 2;
    assertEquals(
        expected,
        Nd4j.factory().blas().getMaxThreads(),
        "OpenBLAS threads on " + NativeBackend.select());
    assertEquals(1, NativeThreads.blasThreads(4, true));
    assertEquals(4, NativeThreads.blasThreads(4, false));
  }

  @Test
  void pinGivesAnotherThreadTheSameBudget() throws InterruptedException {
    NativeThreads.set(1);
    AtomicInteger seenByTaskThread = new AtomicInteger();
    Thread task =
        new Thread(
            () -> {
              NativeThreads.pinCurrentThread();
              seenByTaskThread.set(NativeThreads.ompThreadsOfCurrentThread());
            });
    task.start();
    task.join();
    assertEquals(1, seenByTaskThread.get(), "a Spark task thread pinned to the per-task budget");
  }
}
