package org.sweep4j.bench;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.sweep4j.config.Architecture;
import org.sweep4j.data.ImageSet;
import org.sweep4j.data.ShardWriter;
import org.sweep4j.dl4jm2.NativeThreads;
import org.sweep4j.grid.TrialSpec;
import org.sweep4j.model.ModelFactory;
import org.sweep4j.training.AveragingTrainer;
import org.sweep4j.training.CpuMeter;
import org.sweep4j.training.PinnedShardLoader;

/**
 * Spark parameter averaging on {@code local[workers]}, timed: the sweep's own training master,
 * reading shard files as a sweep does, after a warm-up fit.
 */
final class AveragingBench {
  private final BenchSettings settings;
  private final Supplier<SparkSession> spark;

  AveragingBench(BenchSettings settings, Supplier<SparkSession> spark) {
    this.settings = settings;
    this.spark = spark;
  }

  Measurement measure(Architecture architecture, ImageSet images, Path shards) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.get().sparkContext());
    TrialSpec trial = settings.trial(architecture, settings.workers());
    NativeThreads.set(Math.max(1, settings.threads() / settings.workers()));
    int batch = settings.batchSize();
    int warmupImages = settings.warmupBatches() * batch;
    int timedImages = settings.sparkBatches() * batch;
    ImageSet timed = images.slice(warmupImages, warmupImages + timedImages);
    JavaRDD<String> warmup =
        sc.parallelize(
            ShardWriter.write(
                images, warmupImages, batch, shards.resolve("warmup").toString(), "warmup"),
            settings.workers());
    JavaRDD<String> measured =
        sc.parallelize(
            ShardWriter.write(
                timed, timedImages, batch, shards.resolve("timed").toString(), "timed"),
            settings.workers());
    ParameterAveragingTrainingMaster master = AveragingTrainer.trainingMaster(trial);
    SparkDl4jMultiLayer network = new SparkDl4jMultiLayer(sc, ModelFactory.build(trial), master);
    try {
      sc.setJobDescription("bench " + architecture.label() + " spark warm-up");
      if (warmupImages > 0) {
        network.fitPaths(warmup, new PinnedShardLoader());
      }
      sc.setJobDescription("bench " + architecture.label() + " spark timed");
      CpuMeter cpu = new CpuMeter();
      long start = System.nanoTime();
      network.fitPaths(measured, new PinnedShardLoader());
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Measurement(
          architecture.label(), "spark", timedImages / seconds, cpu.percent(settings.threads()));
    } finally {
      sc.setJobDescription(null);
      master.deleteTempFiles(sc);
    }
  }
}
