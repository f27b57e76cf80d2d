#!/usr/bin/env bash
# Starts a Spark standalone cluster on this machine, bound to 127.0.0.1: one master and SWEEP4J_WORKERS
# workers (default 2) of SWEEP4J_WORKER_CORES cores (1) and SWEEP4J_WORKER_MEMORY (4g) each, from the jars
# Maven fetched (no Spark download). Waits until every worker has registered, then prints the master URL.
# Stop it with jobs/cluster/stop-cluster.sh. See common.sh for the settings.
set -euo pipefail
source "$(dirname "$0")/common.sh"
workers=${SWEEP4J_WORKERS:-2}
cores=${SWEEP4J_WORKER_CORES:-1}
memory=${SWEEP4J_WORKER_MEMORY:-4g}

if [[ -f $cluster_dir/pids ]]; then
  echo "error: a cluster started from $cluster_dir may still run; stop it first: jobs/cluster/stop-cluster.sh" >&2
  exit 1
fi
make_spark_home
mkdir -p "$cluster_dir/logs"
: >"$cluster_dir/pids"

# Each daemon leads its own process group (setsid), so stopping it also stops the executors it launched.
start_daemon() {
  local name=$1
  shift
  setsid java $java_opens -cp "$SPARK_HOME/jars/*" "$@" >"$cluster_dir/logs/$name.log" 2>&1 </dev/null &
  echo "$name $!" >>"$cluster_dir/pids"
}

start_daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$master_port" \
  --webui-port "$master_ui_port"
for i in $(seq 1 "$workers"); do
  mkdir -p "$cluster_dir/work/worker-$i"
  start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" \
    --memory "$memory" --work-dir "$cluster_dir/work/worker-$i" --webui-port $((master_ui_port + i)) "$master_url"
done

for _ in $(seq 1 120); do
  registered=$(grep -c "Registering worker" "$cluster_dir/logs/master.log" 2>/dev/null || true)
  if [[ ${registered:-0} -ge $workers ]]; then
    echo "cluster up: $master_url with $workers workers x $cores cores; UI http://127.0.0.1:$master_ui_port;" \
      "logs in $cluster_dir/logs"
    exit 0
  fi
  while read -r name pid; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -20 "$cluster_dir/logs/$name.log" >&2
      echo "error: $name exited while starting (log above: $cluster_dir/logs/$name.log)" >&2
      "$(dirname "$0")/stop-cluster.sh" >/dev/null || true
      exit 1
    fi
  done <"$cluster_dir/pids"
  sleep 0.5
done
echo "error: only ${registered:-0} of $workers workers registered within 60 s; see $cluster_dir/logs" >&2
"$(dirname "$0")/stop-cluster.sh" >/dev/null || true
exit 1
