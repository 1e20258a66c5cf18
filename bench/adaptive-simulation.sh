#!/usr/bin/env bash
# bench/adaptive-simulation.sh [REPLICATES [SEED]]: the adaptive-seed rules (SelectionRules) on a
# grid with known success probabilities, no Spark and no training; a few seconds. Prints the
# trials used against the full pool, how often the winner is within 0.05 of the best, and the
# coverage of the winner's confirmation interval.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../submit/lib.sh"
ensure_built
exec java -cp "$JOB_JAR:$(cat "$SPARK_CLASSPATH_FILE")" org.lrasweep.sweep.bench.AdaptiveSimulation "$@"
