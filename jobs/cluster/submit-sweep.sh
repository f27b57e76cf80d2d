#!/usr/bin/env bash
# Submits `sweep4j run JOB [OPTIONS]` to the cluster jobs/cluster/start-cluster.sh started, with
# conf/spark-defaults.conf, one executor per worker (spark.executor.cores = SWEEP4J_WORKER_CORES):
#   jobs/cluster/submit-sweep.sh jobs/cluster/cluster-smoke.yaml --results /tmp/smoke
# More spark-submit options (e.g. --conf spark.eventLog.enabled=true) go in SWEEP4J_SUBMIT_OPTIONS.
set -euo pipefail
source "$(dirname "$0")/common.sh"
[[ $# -ge 1 ]] || { echo "usage: $0 JOB.yaml [sweep4j run options]" >&2; exit 2; }
cd "$repo"
exec "$repo/jobs/cluster/spark-submit.sh" --master "$master_url" --deploy-mode client \
  --properties-file "$repo/conf/spark-defaults.conf" \
  --conf spark.executor.cores="${SWEEP4J_WORKER_CORES:-1}" ${SWEEP4J_SUBMIT_OPTIONS:-} \
  --class org.sweep4j.cli.Main "$repo/target/sweep4j.jar" run "$@"
