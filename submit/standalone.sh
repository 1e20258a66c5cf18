#!/usr/bin/env bash
# submit/standalone.sh MASTER_URL SPEC [KEY=VALUE...]: a sweep on a Spark standalone cluster.
#   submit/standalone.sh spark://master:7077 conf/paper/temporal-order.conf output=hdfs:///sweeps/to
# Environment: DEPLOY_MODE (client | cluster; default client: the driver and its progress bar run
# here), EXECUTOR_CORES (tasks per executor = trials at once per executor, default 4),
# EXECUTOR_MEMORY (default 4g), TOTAL_CORES (cap on the application's cores, default: all),
# DRIVER_MEMORY (default 4g). The output must be on storage every executor reaches (HDFS, S3, NFS).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 2 ]]; then
  echo "usage: submit/standalone.sh MASTER_URL SPEC [KEY=VALUE...]" >&2
  exit 2
fi
master="$1"
shift
ensure_built
extra=()
[[ -n "${TOTAL_CORES:-}" ]] && extra+=(--total-executor-cores "$TOTAL_CORES")
submit_sweep_args=(--master "$master" --deploy-mode "${DEPLOY_MODE:-client}" --executor-cores "${EXECUTOR_CORES:-4}"
  --executor-memory "${EXECUTOR_MEMORY:-4g}" --driver-memory "${DRIVER_MEMORY:-4g}" "${extra[@]}")
spark_submit() { _spark_submit "${submit_sweep_args[@]}" "$@"; }
submit_sweep "$@"
