#!/usr/bin/env bash
# submit/plan.sh SPEC [KEY=VALUE...]: the expanded trial counts and a cost bound; starts no Spark.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built
# MASTER=yarn (or any master URL) checks the spec against that master too (a relative output is warned about).
exec java ${MASTER:+"-Dspark.master=$MASTER"} -cp "$JOB_JAR:$(cat "$SPARK_CLASSPATH_FILE")" org.lrasweep.sweep.SweepMain plan "$@"
