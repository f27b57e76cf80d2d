package org.sweep4j.training;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;

/**
 * Prints one line per epoch: trial i/N, epoch, losses and accuracies, training images/s, and the sweep's ETA
 * from the wall-clock rate so far (training plus scoring plus overheads). Trials running side by side report
 * through the same instance, each line naming its own trial.
 */
public final class ProgressReporter implements EpochListener {
  private final PrintStream out;
  private final long totalImages;
  private final long startNanos = System.nanoTime();
  private final Map<String, Integer> trialIndex = new HashMap<>();
  private long doneImages;
  private int trialCount;

  /** @param totalImages images the whole run will train on (trials to run × epochs × training images) */
  public ProgressReporter(PrintStream out, long totalImages) {
    this.out = out;
    this.totalImages = totalImages;
  }

  public synchronized void startTrial(int index, int count, TrialSpec trial) {
    trialIndex.put(trial.id(), index);
    this.trialCount = count;
    out.printf(Locale.ROOT, "[trial %d/%d] %s %s seed %d (%s)%n", index, count, trial.architecture().label(),
        trial.activation().label(), trial.seed(), trial.id());
    out.flush();
  }

  /** Counts images of a trial that ended early, so the ETA does not wait for them. */
  public synchronized void skipImages(long images) {
    doneImages += images;
  }

  @Override
  public synchronized void onEpoch(TrialSpec trial, EpochRow epoch) {
    doneImages += trial.dataset().trainSize();
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double rate = doneImages / Math.max(elapsed, 1e-9);
    long etaSeconds = Math.round((totalImages - doneImages) / Math.max(rate, 1e-9));
    out.printf(Locale.ROOT,
        "[trial %d/%d] epoch %d/%d  train loss %.4f acc %.4f  val loss %.4f acc %.4f  %.0f img/s  %.1fs  ETA %s%n",
        trialIndex.getOrDefault(trial.id(), 0), trialCount, epoch.epoch(), trial.training().epochs(),
        epoch.trainLoss(), epoch.trainAccuracy(), epoch.valLoss(), epoch.valAccuracy(), epoch.imagesPerSecond(),
        epoch.seconds(), format(etaSeconds));
    out.flush();
  }

  static String format(long seconds) {
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
