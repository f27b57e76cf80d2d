package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Packing trials onto task slots, without Spark: trials are their worker counts, bodies sleep. */
class TrialSchedulerTest {
  private static final Function<Integer, TrialScheduler.Admission> ALWAYS =
      t -> TrialScheduler.Admission.START;

  /**
   * Runs trials of the given widths for {@code millis} each; returns the most slots ever busy at
   * once.
   */
  private static int peakSlots(
      TrialScheduler<Integer> scheduler, List<Integer> widths, long millis) {
    AtomicInteger busy = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    scheduler.run(
        widths,
        ALWAYS,
        width -> {
          peak.accumulateAndGet(busy.addAndGet(width), Math::max);
          sleep(millis);
          busy.addAndGet(-width);
        },
        () -> {});
    return peak.get();
  }

  /**
   * Every trial's after-step has run when run() returns. Before, the driver was woken first and
   * could print its summary before the last trial's status line (seen after a SIGTERM).
   */
  @Test
  void everyAfterStepHasRunWhenRunReturns() {
    AtomicInteger after = new AtomicInteger();
    new TrialScheduler<Integer>(() -> 2, Integer.MAX_VALUE, w -> w)
        .run(
            List.of(1, 1, 1),
            ALWAYS,
            width -> {},
            () -> {
              sleep(50);
              after.incrementAndGet();
            });
    assertEquals(3, after.get());
  }

  /**
   * A body's follow-ups start ahead of the trials still waiting, and the scheduler waits for them
   * while its queue is empty but a running trial may still add some (pruning's next legs). Before
   * follow-ups existed, a run ended with its list and a rung's survivors waited for a new stage.
   */
  @Test
  void followUpsStartAheadOfWaitingTrialsAndKeepTheRunGoing() {
    List<Integer> started = Collections.synchronizedList(new ArrayList<>());
    new TrialScheduler<Integer>(() -> 1, Integer.MAX_VALUE, t -> 1)
        .runWithFollowUps(
            List.of(1, 2),
            ALWAYS,
            trial -> {
              started.add(trial);
              return trial < 10 ? List.of(10 * trial + 1, 10 * trial + 2) : List.of();
            },
            () -> {});
    assertEquals(List.of(1, 11, 12, 2, 21, 22), started);
  }

  @Test
  void aFollowUpOfTheLastRunningTrialStillRuns() {
    List<Integer> started = Collections.synchronizedList(new ArrayList<>());
    new TrialScheduler<Integer>(() -> 2, Integer.MAX_VALUE, t -> 1)
        .runWithFollowUps(
            List.of(1),
            ALWAYS,
            trial -> {
              started.add(trial);
              sleep(100); // the scheduler finds its queue empty while this runs
              return trial == 1 ? List.of(2) : List.of();
            },
            () -> {});
    assertEquals(List.of(1, 2), started);
  }

  @Test
  void fillsTheSlotsAndNoMore() {
    assertEquals(
        4,
        peakSlots(
            new TrialScheduler<>(() -> 4, Integer.MAX_VALUE, w -> w),
            List.of(1, 1, 1, 1, 1, 1),
            100));
    assertEquals(
        4,
        peakSlots(
            new TrialScheduler<>(() -> 4, Integer.MAX_VALUE, w -> w), List.of(2, 2, 2, 1, 1), 100));
  }

  /**
   * Trials start in order: the third (2 workers) waits for two free slots, and the fourth (1
   * worker), though one slot is free, waits behind it. Checked on the order of events, not on a
   * peak that depends on which of the first two ends first (it failed under load), nor on which of
   * two threads started together records its start first.
   */
  @Test
  void trialsStartInOrderEvenWhenALaterOneWouldFit() {
    List<int[]> trials =
        List.of(new int[] {0, 2}, new int[] {1, 1}, new int[] {2, 2}, new int[] {3, 1});
    long[] started = new long[4];
    long[] ended = new long[4];
    new TrialScheduler<int[]>(() -> 4, Integer.MAX_VALUE, t -> t[1])
        .run(
            trials,
            t -> TrialScheduler.Admission.START,
            t -> {
              started[t[0]] = System.nanoTime();
              sleep(100);
              ended[t[0]] = System.nanoTime();
            },
            () -> {});
    long firstEnd = Math.min(ended[0], ended[1]);
    assertTrue(started[2] >= firstEnd, "the third waits for slots to free");
    // One slot is free from the start, but the fourth is admitted only after the third. (Their
    // bodies run on separate threads, so which records its start first is not the scheduler's.)
    assertTrue(started[3] >= firstEnd, "the fourth does not jump ahead of the third");
  }

  @Test
  void theCapLimitsTrialsAtOnce() {
    assertEquals(2, peakSlots(new TrialScheduler<>(() -> 8, 2, w -> w), List.of(1, 1, 1, 1), 100));
    assertEquals(1, peakSlots(new TrialScheduler<>(() -> 8, 1, w -> w), List.of(1, 1, 1), 50));
  }

  @Test
  void aTrialWiderThanTheClusterRunsAloneAndNoSlotsStillRunsOne() {
    assertEquals(
        3, peakSlots(new TrialScheduler<>(() -> 2, Integer.MAX_VALUE, w -> w), List.of(3, 1), 50));
    assertEquals(
        1,
        peakSlots(new TrialScheduler<>(() -> 0, Integer.MAX_VALUE, w -> w), List.of(1, 1, 1), 50),
        "with no executor yet, one trial is submitted (its tasks ask for executors) and the rest wait");
  }

  @Test
  void executorsThatJoinAreFilled() throws InterruptedException {
    AtomicInteger slots = new AtomicInteger(1);
    TrialScheduler<Integer> scheduler = new TrialScheduler<>(slots::get, Integer.MAX_VALUE, w -> w);
    CountDownLatch firstRunning = new CountDownLatch(1);
    AtomicInteger busy = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Thread sweep =
        new Thread(
            () ->
                scheduler.run(
                    List.of(1, 1, 1),
                    ALWAYS,
                    w -> {
                      firstRunning.countDown();
                      peak.accumulateAndGet(busy.incrementAndGet(), Math::max);
                      sleep(1_500);
                      busy.decrementAndGet();
                    },
                    () -> {}));
    sweep.start();
    assertTrue(firstRunning.await(5, TimeUnit.SECONDS));
    assertEquals(1, scheduler.running());
    slots.set(3);
    sweep.join();
    assertEquals(
        3, peak.get(), "two more slots joined while the first trial ran: the others start at once");
  }

  @Test
  void demandFallsAsTrialsStartAndEnd() {
    TrialScheduler<Integer> scheduler = new TrialScheduler<>(() -> 1, Integer.MAX_VALUE, w -> w);
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    scheduler.run(List.of(1, 1, 1), ALWAYS, w -> seen.add(scheduler.demand()), () -> {});
    assertEquals(List.of(3, 2, 1), seen, "the running trial plus those still to start");
    assertEquals(0, scheduler.demand());
    assertEquals(3, scheduler.ended());
  }

  @Test
  void skippedTrialsNeverRunAndWaitingOnesRunOnceATrialEnds() {
    TrialScheduler<Integer> scheduler = new TrialScheduler<>(() -> 4, Integer.MAX_VALUE, w -> w);
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger asked = new AtomicInteger();
    // Trial 2 must wait for trial 1 (a budget that comes back), trial 3 is over budget.
    scheduler.run(
        List.of(1, 2, 3),
        t ->
            switch (t) {
              case 2 -> scheduler.ended() == 0 ? waitOnce(asked) : TrialScheduler.Admission.START;
              case 3 -> TrialScheduler.Admission.SKIP;
              default -> TrialScheduler.Admission.START;
            },
        t -> {
          ran.add(t);
          sleep(100);
        },
        () -> {});
    assertEquals(List.of(1, 2), ran);
    assertEquals(1, asked.get(), "asked again only once trial 1 had ended");
  }

  private static TrialScheduler.Admission waitOnce(AtomicInteger asked) {
    asked.incrementAndGet();
    return TrialScheduler.Admission.WAIT;
  }

  @Test
  void aFailingBodyStopsNewTrialsAndIsThrownOnceTheRunningEnd() {
    TrialScheduler<Integer> scheduler = new TrialScheduler<>(() -> 1, Integer.MAX_VALUE, w -> w);
    IllegalStateException broken = new IllegalStateException("results store is gone");
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                scheduler.run(
                    List.of(1, 1, 1),
                    ALWAYS,
                    t -> {
                      ran.add(t);
                      throw broken;
                    },
                    () -> {}));
    assertSame(broken, thrown);
    assertEquals(1, ran.size(), "no trial starts after a failure");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
