#!/usr/bin/env bash
# spark-submit for machines without a Spark installation: Spark's own SparkSubmit on the jars Maven fetched,
# with the Java 17 options Spark's launcher script would add. Takes spark-submit's arguments.
set -euo pipefail
source "$(dirname "$0")/common.sh"
[[ -d $SPARK_HOME/jars ]] || make_spark_home
exec java $java_opens -cp "$SPARK_CONF_DIR:$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
