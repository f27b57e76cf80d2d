package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Native threads per task: the cores shared by the tasks that can run at once. */
class TaskThreadsTest {
  @Test
  void coresAreSharedByTheTasksThatCanRunAtOnce() {
    assertEquals(1, TaskThreads.perTask(2, 2, 6), "two slots busy: one core each");
    assertEquals(2, TaskThreads.perTask(2, 2, 1), "the sweep's last trial gets both cores");
    assertEquals(4, TaskThreads.perTask(8, 2, 2));
    assertEquals(1, TaskThreads.perTask(2, 4, 4), "more slots than cores: never below one thread");
    assertEquals(2, TaskThreads.perTask(2, 0, 3), "no slot reported: as for one task");
  }

  @Test
  void onAClusterEachExecutorDecides() {
    assertEquals(0, TaskThreads.of("spark://host:7077", () -> 40, () -> 84).getAsInt());
    assertEquals(0, TaskThreads.of("yarn", () -> 40, () -> 84).getAsInt());
  }
}
