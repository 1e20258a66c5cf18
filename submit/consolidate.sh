#!/usr/bin/env bash
# submit/consolidate.sh DEST OUTPUT...: several sweeps' results (their tables, learning curves, the
# per-step diagnostics of each trial's first and last check, their allocation tables) as one new,
# small output folder DEST; submit/report.sh DEST regenerates every table and figure from it
# without training. Spark local mode.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 2 ]]; then
  echo "usage: submit/consolidate.sh DEST OUTPUT..." >&2
  exit 2
fi
dest="$1"
shift
run_local 2 consolidate --to "$dest" "$@"
