#!/usr/bin/env bash
# submit/report.sh [--to FOLDER] OUTPUT: recomputes a sweep's summary tables and OUTPUT/report/index.html
# (Spark local mode); with --to, OUTPUT is only read and the tables and report go to FOLDER (a
# read-only output). `summarize` instead of `report` as SUBMIT_COMMAND skips the figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -ne 1 && ! ($# -eq 3 && $1 == --to) ]]; then
  echo "usage: submit/report.sh [--to FOLDER] OUTPUT" >&2
  exit 2
fi
run_local 2 "${SUBMIT_COMMAND:-report}" "$@"
