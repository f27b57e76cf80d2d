package org.sweep4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.sweep4j.config.Architecture;
import org.sweep4j.data.ImageSet;
import org.sweep4j.data.Minibatches;
import org.sweep4j.dl4jm2.NativeThreads;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.training.CpuMeter;

/**
 * Training in this JVM, timed: one network on every thread of the budget ({@code single}), or one
 * network per thread side by side, one thread each ({@code trials}). Minibatches are decoded up
 * front and warm-up runs first, so only training is timed.
 */
final class InJvmBench {
  private final BenchSettings settings;

  InJvmBench(BenchSettings settings) {
    this.settings = settings;
  }

  Measurement single(Architecture architecture, ImageSet images) {
    NativeThreads.set(settings.threads());
    Training training = new Training(architecture, images);
    training.warmUp();
    CpuMeter cpu = new CpuMeter();
    long start = System.nanoTime();
    training.timed();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Measurement(
        architecture.label(),
        "single",
        settings.batches() * settings.batchSize() / seconds,
        cpu.percent(settings.threads()));
  }

  /**
   * One training per thread of the budget, side by side in this JVM, each on one native thread:
   * what a sweep would get from running that many trials at once instead of one trial on every
   * core. Images/s counts all of them; the timing starts when every one has warmed up.
   */
  Measurement trialsSideBySide(Architecture architecture, ImageSet images) {
    int trials = settings.threads();
    NativeThreads.set(1);
    List<Training> trainings = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      trainings.add(new Training(architecture, images));
    }
    CyclicBarrier warmedUp = new CyclicBarrier(trials + 1);
    ExecutorService pool = Executors.newFixedThreadPool(trials);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Training training : trainings) {
        running.add(pool.submit(() -> warmUpThenTime(training, warmedUp)));
      }
      warmedUp.await();
      CpuMeter cpu = new CpuMeter();
      long start = System.nanoTime();
      for (Future<?> trial : running) {
        trial.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Measurement(
          architecture.label(),
          "trials",
          (double) trials * settings.batches() * settings.batchSize() / seconds,
          cpu.percent(trials));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bench interrupted", e);
    } catch (ExecutionException | BrokenBarrierException e) {
      throw new IllegalStateException("bench: a side-by-side training failed: " + e.getCause(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void warmUpThenTime(Training training, CyclicBarrier warmedUp)
      throws InterruptedException, BrokenBarrierException {
    NativeThreads.pinCurrentThread();
    training.warmUp();
    warmedUp.await();
    training.timed();
    return null;
  }

  /** One network and its minibatches, decoded up front so only training is timed. */
  private final class Training {
    private final MultiLayerNetwork network;
    private final List<DataSet> batches = new ArrayList<>();

    Training(Architecture architecture, ImageSet images) {
      network = new MultiLayerNetwork(ModelFactory.build(settings.trial(architecture, 1)));
      network.init();
      for (int b = 0; b < settings.warmupBatches() + settings.batches(); b++) {
        batches.add(
            Minibatches.fromRecords(
                images.records(b * settings.batchSize(), (b + 1) * settings.batchSize()),
                "bench images"));
      }
    }

    void warmUp() {
      batches.subList(0, settings.warmupBatches()).forEach(network::fit);
    }

    void timed() {
      batches.subList(settings.warmupBatches(), batches.size()).forEach(network::fit);
    }
  }
}
