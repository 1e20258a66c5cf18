#!/usr/bin/env bash
# submit/yarn.sh SPEC [KEY=VALUE...]: a sweep on YARN (HADOOP_CONF_DIR or YARN_CONF_DIR must point
# at the cluster's configuration; needs spark-submit of a Spark 4.1 distribution on the PATH).
#   submit/yarn.sh conf/paper/random-permutation.conf output=hdfs:///user/me/sweeps/rp
# Environment: DEPLOY_MODE (cluster | client; default cluster: the driver runs in YARN and the spec
# travels with --files), EXECUTORS (default 8), EXECUTOR_CORES (tasks per executor, default 4),
# EXECUTOR_MEMORY (default 4g), DRIVER_MEMORY (default 4g), QUEUE (default: default),
# DRIVER_JAVA_OPTIONS (extra JVM flags for the driver). Flags of `run` follow the spec (--add, --no-report).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 1 ]]; then
  echo "usage: submit/yarn.sh SPEC [KEY=VALUE...]" >&2
  exit 2
fi
require_spark_distribution submit/yarn.sh
if [[ -z "${HADOOP_CONF_DIR:-}${YARN_CONF_DIR:-}" ]]; then
  echo "error: set HADOOP_CONF_DIR or YARN_CONF_DIR to the YARN cluster's configuration" >&2
  exit 2
fi
ensure_built
submit_sweep_args=(--master yarn --deploy-mode "${DEPLOY_MODE:-cluster}" --num-executors "${EXECUTORS:-8}"
  --executor-cores "${EXECUTOR_CORES:-4}" --executor-memory "${EXECUTOR_MEMORY:-4g}" --driver-memory "${DRIVER_MEMORY:-4g}"
  --queue "${QUEUE:-default}" --conf "spark.yarn.appMasterEnv.OMP_NUM_THREADS=1")
spark_submit() { _spark_submit "${submit_sweep_args[@]}" "$@"; }
submit_sweep "$@"
