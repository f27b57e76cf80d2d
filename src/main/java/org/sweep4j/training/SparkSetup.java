package org.sweep4j.training;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.sweep4j.dl4jm2.NativeBackend;

/**
 * The Spark settings DL4J needs on Spark 3.5 / Java 17: Kryo with ND4J's registrator, the offline
 * clock (DL4J's default asks an NTP server), loopback binding in local mode. Settings given by
 * spark-submit or {@code conf/spark-defaults.conf} win over these defaults; {@code --master} wins
 * over both.
 */
public final class SparkSetup {
  static final String TIME_SOURCE_PROPERTY = "org.deeplearning4j.spark.time.TimeSource";
  static final String SYSTEM_CLOCK = "org.deeplearning4j.spark.time.SystemClockTimeSource";

  private SparkSetup() {}

  /**
   * @param master the Spark master, or null for spark-submit's, else {@code local[<cores>]}
   * @param ui whether to serve the Spark UI (tests turn it off)
   */
  public static SparkSession session(String master, String appName, boolean ui) {
    System.setProperty(TIME_SOURCE_PROPERTY, SYSTEM_CLOCK);
    NativeBackend.select();
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[" + Runtime.getRuntime().availableProcessors() + "]");
    }
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.setIfMissing("spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator");
    conf.setIfMissing("spark.kryoserializer.buffer.max", "512m");
    conf.setIfMissing("spark.ui.enabled", Boolean.toString(ui));
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.sql.shuffle.partitions", "4");
    // The trials table has more columns than Spark's default 25 for a plan's text, and Spark warned
    // of the cut on every sql call.
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
    // The scheduler needs the task slots from the first executor on, and a listener added after the
    // context
    // starts would miss a local master's executor.
    String listeners = conf.get("spark.extraListeners", "");
    if (!listeners.contains(TaskSlots.class.getName())) {
      conf.set(
          "spark.extraListeners",
          (listeners.isBlank() ? "" : listeners + ",") + TaskSlots.class.getName());
    }
    String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
    if (!executorOptions.contains(TIME_SOURCE_PROPERTY)) {
      executorOptions += " -D" + TIME_SOURCE_PROPERTY + "=" + SYSTEM_CLOCK;
    }
    if (!executorOptions.contains(NativeBackend.EXTENSION_PROPERTY)) {
      // Executors choose the same native build as the driver (clusters are assumed to be of one CPU
      // kind).
      executorOptions += " " + NativeBackend.executorOptions();
    }
    conf.set("spark.executor.extraJavaOptions", executorOptions.trim());
    if (isLocal(conf.get("spark.master"))) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  public static boolean isLocal(String master) {
    return master.startsWith("local");
  }

  /**
   * Task slots of a local master: 2 for {@code local[2]}, all cores for {@code local[*]}, 1 for
   * {@code local}.
   */
  public static int localSlots(String master) {
    if (master.equals("local")) {
      return 1;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]").matcher(master);
    if (!m.matches() || m.group(1).equals("*")) {
      return Runtime.getRuntime().availableProcessors();
    }
    return Integer.parseInt(m.group(1));
  }
}
