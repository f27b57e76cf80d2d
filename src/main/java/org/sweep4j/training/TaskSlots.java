package org.sweep4j.training;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The task slots a Spark application has, as Spark itself reports them: the cores of every live
 * executor ÷ {@code spark.task.cpus}, following executors that join or leave (dynamic allocation
 * included); in local mode the driver's own executor with the master's thread count. It also keeps
 * the slot accounting a run reports: slot-seconds available (slots integrated over time) and
 * task-seconds used.
 *
 * <p>Registered through {@code spark.extraListeners} ({@link SparkSetup}) so that it hears the
 * executors that register while the context starts; {@link #of} finds it by application id.
 */
public final class TaskSlots extends SparkListener {
  private static final Map<String, TaskSlots> BY_APPLICATION = new ConcurrentHashMap<>();

  private final int taskCpus;

  /** The most slots dynamic allocation may add executors for; 0 without dynamic allocation. */
  private final long dynamicSlots;

  private final Map<String, Integer> executorCores = new HashMap<>();
  private int slots;
  private long lastChangeNanos = System.nanoTime();
  private double slotSeconds;
  private double taskSeconds;

  /** Made by Spark from {@code spark.extraListeners}. */
  public TaskSlots(SparkConf conf) {
    this.taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
    this.dynamicSlots = dynamicSlots(conf, taskCpus);
    String application = conf.get("spark.app.id", null);
    if (application != null) {
      BY_APPLICATION.put(application, this);
    }
  }

  /**
   * The tracker of {@code sc}'s application. A context made without {@link SparkSetup} has none:
   * one is added now, knowing a local master's threads but none of the executors that registered
   * before it.
   */
  public static TaskSlots of(SparkContext sc) {
    return BY_APPLICATION.computeIfAbsent(
        sc.applicationId(),
        id -> {
          TaskSlots late = new TaskSlots(sc.getConf());
          if (SparkSetup.isLocal(sc.master())) {
            late.onExecutorAdded("driver", SparkSetup.localSlots(sc.master()) * late.taskCpus);
          }
          sc.addSparkListener(late);
          return late;
        });
  }

  /** Task slots of the live executors now. */
  public synchronized int slots() {
    return slots;
  }

  /**
   * The slots a scheduler may fill: those of the live executors, or with dynamic allocation as many
   * as its {@code maxExecutors} would bring. Spark requests executors only for tasks that wait, so
   * a sweep that filled only the slots it had would never grow its cluster.
   */
  public int schedulable() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(slots(), dynamicSlots));
  }

  private static long dynamicSlots(SparkConf conf, int taskCpus) {
    if (!conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      return 0;
    }
    long executors = conf.getLong("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
    long cores = conf.getLong("spark.executor.cores", 1);
    return executors >= Integer.MAX_VALUE
        ? Integer.MAX_VALUE
        : executors * Math.max(1, cores / taskCpus);
  }

  /** Cores one task holds ({@code spark.task.cpus}). */
  public int taskCpus() {
    return taskCpus;
  }

  /** Slot-seconds and task-seconds so far: subtract two readings for an interval's utilisation. */
  public synchronized Reading read() {
    advance();
    return new Reading(slotSeconds, taskSeconds);
  }

  /** Accumulated slot time and task time at one instant. */
  public record Reading(double slotSeconds, double taskSeconds) {
    /**
     * Task time over slot time between {@code earlier} and this reading; NaN when no slot existed.
     */
    public double utilisationSince(Reading earlier) {
      double available = slotSeconds - earlier.slotSeconds;
      return available > 0 ? (taskSeconds - earlier.taskSeconds) / available : Double.NaN;
    }
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded added) {
    onExecutorAdded(added.executorId(), added.executorInfo().totalCores());
  }

  private synchronized void onExecutorAdded(String executor, int cores) {
    advance();
    executorCores.put(executor, cores);
    recount();
  }

  @Override
  public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    advance();
    executorCores.remove(removed.executorId());
    recount();
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    taskSeconds += end.taskInfo().duration() / 1000.0;
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd end) {
    BY_APPLICATION.values().remove(this);
  }

  private void recount() {
    slots = executorCores.values().stream().mapToInt(cores -> cores / taskCpus).sum();
  }

  private void advance() {
    long now = System.nanoTime();
    slotSeconds += slots * (now - lastChangeNanos) / 1e9;
    lastChangeNanos = now;
  }
}
