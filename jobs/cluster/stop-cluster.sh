#!/usr/bin/env bash
# Stops what jobs/cluster/start-cluster.sh started: every daemon's process group, which holds the executors
# a worker launched. SIGTERM first (workers stop their executors), SIGKILL after 10 s.
set -uo pipefail
source "$(dirname "$0")/common.sh"
if [[ ! -f $cluster_dir/pids ]]; then
  echo "no cluster started from $cluster_dir"
  exit 0
fi
while read -r name pid; do
  kill -TERM -- "-$pid" 2>/dev/null
done <"$cluster_dir/pids"
for _ in $(seq 1 20); do
  alive=0
  while read -r name pid; do
    if kill -0 -- "-$pid" 2>/dev/null; then alive=1; fi
  done <"$cluster_dir/pids"
  [[ $alive == 0 ]] && break
  sleep 0.5
done
while read -r name pid; do
  kill -KILL -- "-$pid" 2>/dev/null
done <"$cluster_dir/pids"
rm -f "$cluster_dir/pids"
# Each submission copied the application jar into every worker's directory; keep the executor logs only.
find "$cluster_dir/work" -name '*.jar' -type f -delete 2>/dev/null
echo "cluster stopped"
