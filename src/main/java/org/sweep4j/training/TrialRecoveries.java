package org.sweep4j.training;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.Success$;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What Spark recovered from while each trial ran: its failed task attempts (retried, or the trial
 * failed) and the executors lost meanwhile, recorded with the trial. Trials running side by side
 * are told apart by a local property that their thread's jobs carry into their stages.
 */
final class TrialRecoveries extends SparkListener {
  /** The local property naming the trial whose jobs a thread submits. */
  static final String TRIAL_PROPERTY = "sweep4j.trial";

  /**
   * Failed task attempts (killed ones not counted: sweep4j kills them itself) and executors lost.
   */
  record Counts(int taskFailures, int executorsLost) {}

  private static final long DRAIN_MILLIS = 10_000;

  private final Map<Integer, String> stageTrials = new ConcurrentHashMap<>();
  private final Map<String, int[]> running = new HashMap<>();

  synchronized void begin(String trialId) {
    running.put(trialId, new int[2]);
  }

  /**
   * The trial's counts since {@link #begin}, once Spark's listener bus has delivered what its last
   * job left (up to {@link #DRAIN_MILLIS}); it is no longer counted.
   */
  Counts end(String trialId, SparkContext sc) {
    try {
      sc.listenerBus().waitUntilEmpty(DRAIN_MILLIS);
    } catch (TimeoutException e) {
      // a busy bus: count what has arrived
    }
    synchronized (this) {
      int[] counts = running.remove(trialId);
      return counts == null ? new Counts(0, 0) : new Counts(counts[0], counts[1]);
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    Properties properties = submitted.properties();
    String trial = properties == null ? null : properties.getProperty(TRIAL_PROPERTY);
    if (trial != null) {
      stageTrials.put(submitted.stageInfo().stageId(), trial);
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.reason() instanceof Success$ || end.reason() instanceof TaskKilled) {
      return;
    }
    int[] counts = running.get(stageTrials.get(end.stageId()));
    if (counts != null) {
      counts[0]++;
    }
  }

  @Override
  public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    running.values().forEach(counts -> counts[1]++);
  }
}
