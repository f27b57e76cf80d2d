package org.sweep4j.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.V2CreateTablePlan;
import org.apache.spark.sql.execution.CommandExecutionMode;
import org.sweep4j.config.InputException;

/**
 * {@code sql} reads results and nothing else: a statement is refused, before it runs, when its plan
 * would write data or change a catalog (INSERT, CREATE, DROP, ALTER, CACHE, ADD JAR, LOAD, …). What
 * stays allowed: queries, and the commands that only show (SHOW, DESCRIBE, EXPLAIN) or set a
 * session option (SET). Checked on the parsed plan and again on the analysed one, where Spark has
 * turned every write into a command.
 */
final class ReadOnlyStatements {
  private static final Set<String> SHOWING =
      Set.of(
          "ShowTables",
          "ShowTablesCommand",
          "ShowViews",
          "ShowViewsCommand",
          "ShowColumns",
          "ShowColumnsCommand",
          "ShowFunctions",
          "ShowFunctionsCommand",
          "ShowNamespaces",
          "ShowTableProperties",
          "DescribeRelation",
          "DescribeTableCommand",
          "DescribeColumn",
          "DescribeColumnCommand",
          "DescribeFunction",
          "DescribeFunctionCommand",
          "DescribeNamespace",
          "ExplainCommand",
          "SetCommand");

  private ReadOnlyStatements() {}

  /**
   * Throws an input error naming {@code source} unless {@code sql} only reads; Spark's own parse
   * and analysis errors pass through.
   */
  static void require(SparkSession spark, String sql, String source) throws ParseException {
    LogicalPlan parsed = spark.sessionState().sqlParser().parsePlan(sql);
    if (!writes(parsed)) {
      LogicalPlan analysed =
          spark.sessionState().executePlan(parsed, CommandExecutionMode.ALL()).analyzed();
      if (!writes(analysed)) {
        return;
      }
    }
    throw new InputException(
        source
            + ": sql only reads results, so this "
            + firstWords(sql)
            + " statement is refused (it would write data or change a catalog). Queries, SHOW,"
            + " DESCRIBE, EXPLAIN and SET are allowed; to keep a result, use --format csv and"
            + " redirect it to a file.");
  }

  private static boolean writes(LogicalPlan plan) {
    Deque<LogicalPlan> pending = new ArrayDeque<>();
    pending.push(plan);
    while (!pending.isEmpty()) {
      LogicalPlan node = pending.pop();
      if (isWrite(node)) {
        return true;
      }
      scala.collection.Iterator<LogicalPlan> children = node.children().iterator();
      while (children.hasNext()) {
        pending.push(children.next());
      }
    }
    return false;
  }

  private static boolean isWrite(LogicalPlan node) {
    if (node instanceof Command) {
      return !SHOWING.contains(node.getClass().getSimpleName());
    }
    return node instanceof ParsedStatement
        || node instanceof InsertIntoDir
        || node instanceof V2CreateTablePlan;
  }

  /** "INSERT OVERWRITE", "CREATE TABLE": the statement's first two words, for the message. */
  private static String firstWords(String sql) {
    String[] words = sql.strip().split("\\s+", 3);
    String first = words.length > 1 ? words[0] + " " + words[1] : words[0];
    return first.toUpperCase(Locale.ROOT);
  }
}
