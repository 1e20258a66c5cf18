#!/usr/bin/env bash
# submit/plan.sh SPEC [KEY=VALUE...]: the expanded trial counts and a cost bound; starts no Spark.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built
exec java -cp "$JOB_JAR:$(cat "$SPARK_CLASSPATH_FILE")" org.lrasweep.sweep.SweepMain plan "$@"
