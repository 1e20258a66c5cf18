#!/usr/bin/env bash
# submit/status.sh OUTPUT: where a sweep stands, from its output folder alone (works while a sweep
# runs, and on a finished one): trials committed of planned by status, per configuration solved of
# run, failed trials with their errors, and what is left (Spark local mode, reads only).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -ne 1 ]]; then
  echo "usage: submit/status.sh OUTPUT" >&2
  exit 2
fi
LOCAL_CORES="${LOCAL_CORES:-2}" run_local 2 status "$1"
