#!/usr/bin/env bash
# spark-submit for machines without a Spark installation: Spark's own SparkSubmit on the jars Maven fetched,
# with the Java 17 options Spark's launcher script would add. Takes spark-submit's arguments.
set -euo pipefail
source "$(dirname "$0")/common.sh"
# (again when spark-runtime.pom.xml has changed since, e.g. to add spark-yarn)
[[ -d $SPARK_HOME/jars && $SPARK_HOME/classpath.txt -nt $repo/jobs/cluster/spark-runtime.pom.xml ]] || make_spark_home
# As Spark's launcher does: HADOOP_CONF_DIR and YARN_CONF_DIR on the class path, so that --master yarn
# finds the resource manager and hdfs:// paths the name node.
class_path=$SPARK_CONF_DIR
[[ -n ${HADOOP_CONF_DIR:-} ]] && class_path+=":$HADOOP_CONF_DIR"
[[ -n ${YARN_CONF_DIR:-} ]] && class_path+=":$YARN_CONF_DIR"
exec java $java_opens -cp "$class_path:$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
