#!/usr/bin/env bash
# submit/local.sh SPEC [KEY=VALUE...]: runs a sweep in Spark local mode on all cores, one ND4J
# thread per task. Builds the job first when needed. Example:
#   submit/local.sh conf/quickstart.conf seeds={from=1,to=10}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 1 ]]; then
  echo "usage: submit/local.sh SPEC [KEY=VALUE...]" >&2
  exit 2
fi
run_local '*' run "$@"
