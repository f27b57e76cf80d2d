package org.sweep4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRowBuilder;
import org.sweep4j.training.SparkTestBase;

/**
 * A query over the results prints its answer and nothing else. Before, every {@code sql} call over
 * the trials table printed Spark's warning that it truncated a plan's text (the table has more than
 * 25 columns).
 */
class SparkWarningsTest extends SparkTestBase {
  @TempDir Path dir;

  /** Keeps the warnings logged while it is attached to the root logger. */
  private static final class Warnings extends AbstractAppender {
    final List<String> seen = new ArrayList<>();

    Warnings() {
      super("warnings", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public synchronized void append(LogEvent event) {
      if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
        seen.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
      }
    }
  }

  @Test
  void aQueryOverEveryTableLogsNoWarning() {
    String results = dir.resolve("results").toString();
    ResultsStore.open(results)
        .record(
            TrialRowBuilder.trial("a").build(),
            List.of(new EpochRow("a", 1, 1.0, 0.4, 1.1, 0.35, 2.0, 100)));
    Warnings warnings = new Warnings();
    warnings.start();
    org.apache.logging.log4j.core.Logger root =
        (org.apache.logging.log4j.core.Logger) LogManager.getRootLogger();
    root.addAppender(warnings);
    try {
      ResultsSql.register(spark, results);
      ResultsSql.run(
              spark,
              "select * from trials t join epochs e using (trial_id) left join layer_stats l"
                  + " using (trial_id) cross join runs",
              "query")
          .collectAsList();
    } finally {
      root.removeAppender(warnings);
      ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    }
    assertEquals(List.of(), warnings.seen);
  }
}
