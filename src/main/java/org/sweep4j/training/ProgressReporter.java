package org.sweep4j.training;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;

/**
 * Prints one line per epoch, each naming its trial ({@code [trial 3/8 small_cnn relu s1]}), since
 * trials running side by side interleave their lines: epoch, losses and accuracies, the trial's
 * training images/s, and the sweep's ETA from the wall-clock rate so far (training plus scoring
 * plus overheads). {@link #status} prints the one-line state of the whole sweep.
 */
public final class ProgressReporter implements EpochListener {
  private final PrintStream out;
  private final long totalImages;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final Map<String, String> tags = new HashMap<>();
  private long skippedImages;
  private long trainedImages;

  /**
   * @param totalImages images the whole run will train on (trials to run × epochs × training
   *     images)
   */
  public ProgressReporter(PrintStream out, long totalImages) {
    this(out, totalImages, System::nanoTime);
  }

  /** With the clock the times come from (tests set it). */
  ProgressReporter(PrintStream out, long totalImages, LongSupplier nanoTime) {
    this.out = out;
    this.totalImages = totalImages;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  /**
   * {@code [trial 3/8 small_cnn relu s1]}: the index in this run, architecture, activation and
   * seed.
   */
  static String tag(int index, int count, TrialSpec trial) {
    return "[trial "
        + index
        + "/"
        + count
        + " "
        + trial.architecture().label()
        + " "
        + trial.activation().label()
        + " s"
        + trial.seed()
        + "]";
  }

  public synchronized void startTrial(int index, int count, TrialSpec trial) {
    String tag = tag(index, count, trial);
    tags.put(trial.id(), tag);
    out.printf(Locale.ROOT, "%s started (%s)%n", tag, trial.id());
    out.flush();
  }

  /** A line about a trial, after its tag. */
  public synchronized void say(int index, int count, TrialSpec trial, String message) {
    out.printf(
        Locale.ROOT, "%s %s%n", tags.getOrDefault(trial.id(), tag(index, count, trial)), message);
    out.flush();
  }

  /**
   * Counts images that will not be trained in this run (a trial that ended early or was not run,
   * epochs a resumed trial already has), so the ETA neither waits for them nor counts them as work
   * done at the run's rate.
   */
  public synchronized void skipImages(long images) {
    skippedImages += images;
  }

  @Override
  public synchronized void onEpoch(TrialSpec trial, EpochRow epoch) {
    trainedImages += trial.dataset().trainSize();
    out.printf(
        Locale.ROOT,
        "%s epoch %d/%d  train loss %.4f acc %.4f  val loss %.4f acc %.4f  %.0f img/s  %.1fs  ETA %s%n",
        tags.getOrDefault(trial.id(), "[trial " + trial.id() + "]"),
        epoch.epoch(),
        trial.training().epochs(),
        epoch.trainLoss(),
        epoch.trainAccuracy(),
        epoch.valLoss(),
        epoch.valAccuracy(),
        epoch.imagesPerSecond(),
        epoch.seconds(),
        format(etaSeconds()));
    out.flush();
  }

  /**
   * {@code sweep: 3/8 trials ended, 2 running, 3 to start; slots 2/2 busy; 4120 img/s; ETA 5m10s}:
   * images/s is every image trained so far over the run's wall time.
   */
  public synchronized void status(
      String units, int ended, int running, int toStart, int busySlots, int slots) {
    out.printf(
        Locale.ROOT,
        "sweep: %d/%d %s ended, %d running, %d to start; slots %d/%d busy; %.0f img/s;"
            + " ETA %s%n",
        ended,
        ended + running + toStart,
        units,
        running,
        toStart,
        busySlots,
        slots,
        trainedImages / Math.max(elapsedSeconds(), 1e-9),
        format(etaSeconds()));
    out.flush();
  }

  /** Images trained so far (every epoch of every trial, scoring not counted). */
  public synchronized long trainedImages() {
    return trainedImages;
  }

  private double elapsedSeconds() {
    return (nanoTime.getAsLong() - startNanos) / 1e9;
  }

  /** The time left at the rate this run has trained so far; -1 before it has trained anything. */
  long etaSeconds() {
    if (trainedImages == 0) {
      return -1;
    }
    double rate = trainedImages / Math.max(elapsedSeconds(), 1e-9);
    return Math.round(Math.max(0, totalImages - trainedImages - skippedImages) / rate);
  }

  /** {@code 1h05m}, {@code 3m07s}, {@code 12s}; a negative time is not known yet: {@code ?}. */
  static String format(long seconds) {
    if (seconds < 0) {
      return "?";
    }
    Duration d = Duration.ofSeconds(Math.max(0, seconds));
    if (d.toHours() > 0) {
      return String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart());
    }
    if (d.toMinutes() > 0) {
      return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
    return d.toSeconds() + "s";
  }
}
