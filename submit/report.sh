#!/usr/bin/env bash
# submit/report.sh OUTPUT: recomputes a sweep's summary tables and OUTPUT/report/index.html
# (Spark local mode). `summarize` instead of `report` as SUBMIT_COMMAND skips the figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -ne 1 ]]; then
  echo "usage: submit/report.sh OUTPUT" >&2
  exit 2
fi
run_local 2 "${SUBMIT_COMMAND:-report}" "$1"
