package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * Real Spark jobs from two threads, as trials side by side submit them: a task that fails counts
 * against the trial whose thread submitted it, and only against that one.
 */
class TrialRecoveriesTest extends SparkTestBase {
  @Test
  void aFailedTaskCountsForTheTrialWhoseJobItRanIn() throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    TrialRecoveries recoveries = new TrialRecoveries();
    spark.sparkContext().addSparkListener(recoveries);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<TrialRecoveries.Counts> failing =
          threads.submit(
              () -> {
                sc.setLocalProperty(TrialRecoveries.TRIAL_PROPERTY, "failing");
                recoveries.begin("failing");
                assertThrows(
                    SparkException.class,
                    () ->
                        sc.parallelize(List.of(1, 2, 3, 4), 2)
                            .map(
                                i -> {
                                  if (i == 4) {
                                    throw new IllegalStateException("task fails");
                                  }
                                  return i;
                                })
                            .count());
                return recoveries.end("failing", spark.sparkContext());
              });
      Future<TrialRecoveries.Counts> healthy =
          threads.submit(
              () -> {
                sc.setLocalProperty(TrialRecoveries.TRIAL_PROPERTY, "healthy");
                recoveries.begin("healthy");
                sc.parallelize(List.of(1, 2, 3, 4), 2).map(i -> i + 1).count();
                return recoveries.end("healthy", spark.sparkContext());
              });
      assertEquals(new TrialRecoveries.Counts(0, 0), healthy.get());
      TrialRecoveries.Counts failed = failing.get();
      assertEquals(0, failed.executorsLost());
      // local mode does not retry: the one failing partition fails once
      assertEquals(1, failed.taskFailures(), failed.toString());
    } finally {
      threads.shutdownNow();
      spark.sparkContext().removeSparkListener(recoveries);
    }
  }
}
