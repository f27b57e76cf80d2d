package org.sweep4j.training;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.TaskSetManager;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a sweep runs. The first one stops the sweep cleanly: no new
 * trial starts, the Spark jobs of the running trials are cancelled (again every 200 ms, so a job a
 * trial submits after the signal is cancelled too), those trials are recorded as interrupted with
 * the epochs they finished, and claims and shards are released as at any end of a run; the driver
 * then exits with 128 + the signal's number (130, 143). A second signal, or a sweep still running
 * {@link #GRACE} after the first, exits at once; Spark's shutdown hook still stops the context, and
 * the next {@code --resume} removes what is left.
 *
 * <p>Without this, the JVM's own handler ran Spark's shutdown hook, which stopped the context under
 * the running trial: it was recorded as failed ("SparkContext was shut down"), and the next trial
 * started and failed too.
 */
public final class SweepInterrupt implements AutoCloseable {
  static final Duration GRACE = Duration.ofSeconds(60);
  private static final long CANCEL_EVERY_MILLIS = 200;

  private final SparkContext sc;
  private final PrintStream out;
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private volatile Signal received;
  private volatile boolean closed;

  private SweepInterrupt(SparkContext sc, PrintStream out) {
    this.sc = sc;
    this.out = out;
  }

  /** Handles SIGINT and SIGTERM until {@link #close}. */
  static SweepInterrupt install(SparkContext sc, PrintStream out) {
    SweepInterrupt interrupt = new SweepInterrupt(sc, out);
    for (String name : new String[] {"INT", "TERM"}) {
      Signal signal = new Signal(name);
      try {
        interrupt.previous.put(signal, Signal.handle(signal, interrupt::handle));
      } catch (IllegalArgumentException e) {
        // The JVM keeps this signal to itself (-Xrs): it ends the driver as before.
      }
    }
    return interrupt;
  }

  /** Whether a signal asked the sweep to stop. */
  boolean requested() {
    return received != null;
  }

  /** The signal that stopped the sweep, e.g. {@code SIGINT}; null if none did. */
  String signalName() {
    Signal signal = received;
    return signal == null ? null : "SIG" + signal.getName();
  }

  /** The exit status a process ended by the signal has: 128 + its number. */
  public static int exitCode(String signalName) {
    return 128 + new Signal(signalName.substring("SIG".length())).getNumber();
  }

  private synchronized void handle(Signal signal) {
    if (received != null) {
      out.println("SIG" + signal.getName() + " again: exiting now");
      Runtime.getRuntime().exit(128 + signal.getNumber());
      return;
    }
    received = signal;
    // Spark warns of every task it kills for the cancelled jobs: expected here, so not shown.
    Configurator.setLevel(TaskSetManager.class.getName(), Level.ERROR);
    out.println(
        signalName()
            + ": stopping the sweep; running trials are recorded as interrupted with the epochs"
            + " they finished (press Ctrl-C again to exit at once)");
    Thread canceller = new Thread(this::cancelUntilClosed, "sweep4j-interrupt");
    canceller.setDaemon(true);
    canceller.start();
  }

  private void cancelUntilClosed() {
    long deadline = System.nanoTime() + GRACE.toNanos();
    try {
      while (!closed) {
        if (System.nanoTime() > deadline) {
          out.println("the sweep did not stop within " + GRACE.toSeconds() + " s: exiting now");
          Runtime.getRuntime().exit(128 + received.getNumber());
        }
        if (!sc.isStopped()) {
          sc.cancelAllJobs();
        }
        Thread.sleep(CANCEL_EVERY_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Gives the signals back to the handlers they had. */
  @Override
  public synchronized void close() {
    closed = true;
    previous.forEach(Signal::handle);
  }
}
