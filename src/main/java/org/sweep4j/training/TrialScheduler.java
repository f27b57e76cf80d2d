package org.sweep4j.training;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * Starts trials in their order, each on a thread of its own, as soon as the task slots its workers
 * need are free: a trial of {@code w} workers starts when {@code w} slots are free (or when nothing
 * runs, so that a trial wider than the cluster still runs, and executors that have yet to join are
 * asked for), and never more trials at once than the cap. Slots are read from Spark every time, so
 * executors that join or leave change how many trials run at once. A trial's body may hand back
 * work to start next (a pruned trial's next leg), which goes ahead of the trials still waiting.
 */
final class TrialScheduler<T> {
  /** Whether a trial whose slots are free may start now. */
  enum Admission {
    START,
    /** Not yet: ask again when a running trial ends (the budget it has reserved may come back). */
    WAIT,
    /** Never in this run: the scheduler goes on to the next trial. */
    SKIP
  }

  /** How often the scheduler looks at the slots again while no trial ends. */
  private static final long RECHECK_MILLIS = 500;

  private final IntSupplier slots;
  private final int cap;
  private final ToIntFunction<T> workers;
  private final Object lock = new Object();
  private final java.util.Deque<T> queue = new java.util.ArrayDeque<>();
  private int running;
  private int ended;
  private int waiting;
  private int busySlots;
  private int waitingDemand;
  private int widest;
  private RuntimeException failure;

  /**
   * @param slots the task slots there are now
   * @param cap the most trials at once ({@code --trials-at-once}); {@link Integer#MAX_VALUE} for no
   *     cap
   * @param workers the task slots a trial occupies while it trains
   */
  TrialScheduler(IntSupplier slots, int cap, ToIntFunction<T> workers) {
    if (cap < 1) {
      throw new IllegalArgumentException("at least one trial at a time, found " + cap);
    }
    this.slots = slots;
    this.cap = cap;
    this.workers = workers;
  }

  /**
   * Runs {@code body} for every trial and returns when all have ended; {@code afterEach} runs once
   * a trial's body has returned and the scheduler counts it as ended. A body that throws stops new
   * trials from starting; once the running ones end, the first such failure is thrown.
   */
  void run(
      List<T> trials,
      java.util.function.Function<T, Admission> admission,
      Consumer<T> body,
      Runnable afterEach) {
    runWithFollowUps(
        trials,
        admission,
        trial -> {
          body.accept(trial);
          return List.of();
        },
        afterEach);
  }

  /**
   * As {@link #run(List, java.util.function.Function, Consumer, Runnable)}, where a body returns
   * the work to start next: it goes ahead of the trials still waiting, in its order.
   */
  void runWithFollowUps(
      List<T> trials,
      java.util.function.Function<T, Admission> admission,
      java.util.function.Function<T, List<T>> body,
      Runnable afterEach) {
    ExecutorService threads = trialThreads();
    synchronized (lock) {
      queue.addAll(trials);
      waitingDemand = trials.stream().mapToInt(workers).sum();
      widest = trials.stream().mapToInt(workers).max().orElse(0);
      waiting = trials.size();
    }
    try {
      T trial;
      while ((trial = nextToStart()) != null) {
        int need = workers.applyAsInt(trial);
        Admission admitted = admit(trial, need, admission);
        if (admitted == null) {
          break; // a trial's body failed: no new trial starts
        }
        if (admitted == Admission.START) {
          T started = trial;
          threads.execute(() -> runOne(started, need, body, afterEach));
        }
      }
      awaitRunning();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trials were running", e);
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * The next trial in the queue once its slots are free (so that follow-ups added meanwhile go
   * ahead of it), waiting while the queue is empty but running trials may still add to it; null
   * once nothing is left or a body failed.
   */
  private T nextToStart() throws InterruptedException {
    synchronized (lock) {
      while (failure == null) {
        if (queue.isEmpty()) {
          if (running == 0) {
            return null;
          }
        } else if (fits(workers.applyAsInt(queue.peekFirst()))) {
          return queue.pollFirst();
        }
        lock.wait(RECHECK_MILLIS);
      }
      return null;
    }
  }

  /** Puts a body's follow-ups ahead of the waiting trials; called holding the lock. */
  private void enqueueFirst(List<T> followUps) {
    for (int i = followUps.size() - 1; i >= 0; i--) {
      queue.addFirst(followUps.get(i));
    }
    for (T followUp : followUps) {
      waiting++;
      waitingDemand += workers.applyAsInt(followUp);
      widest = Math.max(widest, workers.applyAsInt(followUp));
    }
  }

  private static ExecutorService trialThreads() {
    AtomicInteger threadNumber = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread thread = new Thread(r, "sweep4j-trial-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Waits until the trial's slots are free and {@code admission} lets it start (asking again each
   * time a running trial ends while it says WAIT), and counts it as running or skipped. Returns
   * null once a body has failed.
   */
  private Admission admit(T trial, int need, java.util.function.Function<T, Admission> admission)
      throws InterruptedException {
    synchronized (lock) {
      Admission admitted = Admission.WAIT;
      while (failure == null && admitted == Admission.WAIT) {
        if (!fits(need)) {
          lock.wait(RECHECK_MILLIS);
          continue;
        }
        int endedBefore = ended;
        admitted = admission.apply(trial);
        if (admitted == Admission.WAIT && running == 0) {
          throw new IllegalStateException("a trial may not wait for others when none is running");
        }
        while (admitted == Admission.WAIT && ended == endedBefore && failure == null) {
          lock.wait(RECHECK_MILLIS);
        }
      }
      if (failure != null) {
        return null;
      }
      waiting--;
      waitingDemand -= need;
      if (admitted == Admission.START) {
        running++;
        busySlots += need;
      }
      return admitted;
    }
  }

  /** Waits for the running trials to end; then throws the first failure, if any. */
  private void awaitRunning() throws InterruptedException {
    synchronized (lock) {
      while (running > 0) {
        lock.wait(RECHECK_MILLIS);
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private boolean fits(int need) {
    if (running == 0) {
      return true;
    }
    return running < cap && busySlots + need <= slots.getAsInt();
  }

  private void runOne(
      T trial, int need, java.util.function.Function<T, List<T>> body, Runnable afterEach) {
    List<T> followUps = List.of();
    try {
      followUps = body.apply(trial);
    } catch (RuntimeException | Error e) {
      synchronized (lock) {
        if (failure == null) {
          failure =
              e instanceof RuntimeException r
                  ? r
                  : new IllegalStateException("a trial thread failed: " + e, e);
        }
      }
    } finally {
      synchronized (lock) {
        running--;
        ended++;
        busySlots -= need;
        if (failure == null) {
          enqueueFirst(followUps);
        }
        // Before the waiting driver thread is woken: else it could print its summary first and
        // this trial's status line after it.
        afterEach.run();
        lock.notifyAll();
      }
    }
  }

  /** Trials running now. */
  int running() {
    synchronized (lock) {
      return running;
    }
  }

  /** Trials whose body has returned. */
  int ended() {
    synchronized (lock) {
      return ended;
    }
  }

  /** Trials not started yet. */
  int waiting() {
    synchronized (lock) {
      return waiting;
    }
  }

  /** Task slots the running trials occupy. */
  int busySlots() {
    synchronized (lock) {
      return busySlots;
    }
  }

  /**
   * The most tasks the sweep can still run at once: those of its running trials and of the trials
   * still to start, and with a cap no more than that many of its widest trials. It only falls as
   * the sweep goes on.
   */
  int demand() {
    synchronized (lock) {
      long capped = cap == Integer.MAX_VALUE ? Long.MAX_VALUE : (long) cap * widest;
      return (int) Math.min(busySlots + waitingDemand, capped);
    }
  }
}
