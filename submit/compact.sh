#!/usr/bin/env bash
# submit/compact.sh OUTPUT: consolidates a sweep's journal into a new version of OUTPUT/tables (what
# every run does at its end; nothing when the journal has not changed), moving an output of the
# layout before the journal into it first. Spark local mode.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -ne 1 ]]; then
  echo "usage: submit/compact.sh OUTPUT" >&2
  exit 2
fi
run_local 2 compact "$1"
