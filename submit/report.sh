#!/usr/bin/env bash
# submit/report.sh OUTPUT: recomputes a sweep's summary tables and OUTPUT/report/index.html
# (Spark local mode). `summarize` instead of `report` as SUBMIT_COMMAND skips the figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -ne 1 ]]; then
  echo "usage: submit/report.sh OUTPUT" >&2
  exit 2
fi
ensure_built
export OMP_NUM_THREADS=1 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
spark_submit --master "local[${LOCAL_CORES:-2}]" --conf spark.ui.showConsoleProgress=false \
  --class org.lrasweep.sweep.SweepMain "$JOB_JAR" "${SUBMIT_COMMAND:-report}" "$1"
