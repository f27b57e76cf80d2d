# Shared by the cluster scripts: where things live, and the Spark installation made from Maven's jars.
# Settings (environment): SWEEP4J_CLUSTER_DIR (state, logs, pids; default target/cluster), SPARK_MASTER_PORT
# (7077), SPARK_MASTER_WEBUI_PORT (8080), SWEEP4J_WORKERS (2), SWEEP4J_WORKER_CORES (1), SWEEP4J_WORKER_MEMORY (4g).
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cluster_dir=${SWEEP4J_CLUSTER_DIR:-$repo/target/cluster}
master_port=${SPARK_MASTER_PORT:-7077}
master_ui_port=${SPARK_MASTER_WEBUI_PORT:-8080}
master_url=spark://127.0.0.1:$master_port
export SPARK_HOME=$repo/target/spark-home
# Spark's launcher, which standalone workers use to build executor commands, asks for the Scala version of
# a source build unless told; and it adds SPARK_CONF_DIR (here: log4j2.properties) to every class path.
export SPARK_SCALA_VERSION=2.12
# Everything, the web UIs included, listens on the loopback interface only.
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_CONF_DIR=${SPARK_CONF_DIR:-$repo/conf}
java_opens=$(cat "$repo/conf/java17-opens.txt")

# Links Spark's runtime jars (resolved by Maven from jobs/cluster/spark-runtime.pom.xml) into
# $SPARK_HOME/jars, the layout of a Spark distribution. Cheap to repeat: Maven resolves from its local cache.
make_spark_home() {
  mkdir -p "$SPARK_HOME"
  mvn -B -q -f "$repo/jobs/cluster/spark-runtime.pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$SPARK_HOME/classpath.txt" >"$SPARK_HOME/maven.log" 2>&1 || {
    cat "$SPARK_HOME/maven.log" >&2
    echo "error: cannot resolve Spark's jars with Maven (log above)" >&2
    return 1
  }
  rm -rf "$SPARK_HOME/jars"
  mkdir -p "$SPARK_HOME/jars"
  # (the file has no final newline: the last jar counts too)
  tr ":" "\n" <"$SPARK_HOME/classpath.txt" | while read -r jar || [[ -n $jar ]]; do
    ln -s "$jar" "$SPARK_HOME/jars/$(basename "$jar")"
  done
}

