#!/usr/bin/env bash
# docs/replication/run-study-2.sh: runs replication study II's grids (conf/replication-2/) in the
# order its pre-registration fixes (docs/replication/protocol.md, "Compute", steps 1 to 6), one
# sweep after another into results/replication-2/. Every sweep resumes where it stopped (committed
# trials are skipped, a killed trial continues from its periodic checkpoint), so the script can be
# stopped at any moment and run again. The rules D2, D3 and C2 are decisions taken on results;
# the protocol says how, and they are run by hand. Step 6 (the cut cells, in the reverse of the cut
# order) runs after step 5 while the budget lasts: the operator checks the measured compute (the
# sum of the trials' wall_seconds) between its files and stops the script when it reaches 25
# core-hours; a file that has started runs whole.
#
# Between sessions the runs so far travel in docs/replication/study-2-progress.tar.gz (each
# output's journal and run records, and the periodic checkpoints of trials in flight; no tables or
# reports, which a run rebuilds): unpack it into results/ first, and this script resumes from it,
#   tar xzf docs/replication/study-2-progress.tar.gz -C results/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
order=(
  # 1. Part A at T = 20 with its part-B twin, and every BPTT file of part A.
  a-to-bptt a-to3-bptt a-rp-bptt
  a-to-T20-released-beta1 a-to-T20-local-beta1 a-to3-T20-released-beta1 a-to3-T20-local-beta1
  a-rp-T20-released-beta1 a-rp-T20-released-beta10 a-rp-T20-local-beta1
  # 2. Part D, BPTT.
  d-to-bptt-lengths
  # 3. Part C.
  c-to-T20-released-beta1-guard-off c-to3-T10-released-beta1-guard-off c-to3-T20-released-beta1-guard-off
  # Rule C2 (added 2026-12-05, protocol.md "Changes after registration").
  c-rp-T20-released-beta10-guard-off
  # 4. Part A at T = 10, the cells not all 20 of 20 in the first study.
  a-to-T10-released-beta10 a-to3-T10-released-beta1 a-rp-T10-released-beta10 a-rp-T10-local-beta10 a-rp-T10-local-beta1
  # 5. Part D, LRA at T = 30.
  d-to-released-lengths d-to-local-lengths
  # 6. While the budget lasts: the T = 10 LRA cells that solved 20 of 20 in the first study, then LRA at
  # T = 50, then at T = 75 (each length list grows its T = 30 output, hence --add).
  a-to-T10-released-beta1 a-to-T10-local-beta10 a-to3-T10-local-beta10
  "d-to-released-lengths --add length=[30,50]" "d-to-local-lengths --add length=[30,50]"
  "d-to-released-lengths --add length=[30,50,75]" "d-to-local-lengths --add length=[30,50,75]"
)
# run-study-2.sh [FROM]: FROM, an entry of the order (e.g. "a-to-T10-released-beta1"), skips the entries before
# it, which a rerun would only find complete (each costs a Spark start to say so).
from="${1:-}"
if [[ -n "$from" ]] && ! printf '%s\n' "${order[@]}" | grep -qxF -- "$from"; then
  echo "run-study-2.sh: $from is not an entry of the order" >&2
  exit 2
fi
for entry in "${order[@]}"; do
  if [[ -n "$from" && "$entry" != "$from" ]]; then
    continue
  fi
  from=""
  read -r name args <<< "$entry"
  echo "== study II: $entry ($(date -u +%FT%TZ))"
  # No summary or report per sweep: the study's tables are written once, from every output, when it is analysed.
  # shellcheck disable=SC2086 (args are words: --add and a length list)
  submit/local.sh "conf/replication-2/$name.conf" --no-report $args
done
