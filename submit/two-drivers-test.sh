#!/usr/bin/env bash
# submit/two-drivers-test.sh: two drivers started at the same moment on the same spec and output,
# as two processes through the user's launch path (Spark local mode, one core each). Afterwards the
# tables must hold every trial of the spec exactly once, and the two run records' counts must add up
# to it, each equal to the rows that carry its run id. Part of .ci/run; about a minute.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source submit/lib.sh
ensure_built   # once, before the two drivers start: each would otherwise build a missing jar at the same time
out="${TMPDIR:-/tmp}/lra-sweep-two-drivers"
rm -rf "$out"
for d in 1 2; do
  LOCAL_CORES=1 submit/local.sh conf/smoke.conf "output=\"$out\"" > "$out.driver$d.log" 2>&1 &
  pids[$d]=$!
done
for d in 1 2; do
  wait "${pids[$d]}" || { tail -20 "$out.driver$d.log"; echo "driver $d failed" >&2; exit 1; }
done
/usr/bin/env python3 - "$out" <<'PY'
import csv, glob, re, sys
out = sys.argv[1]
rows = list(csv.DictReader(open(f"{out}/csv/trials.csv")))
ids = [r["trial_id"] for r in rows]
assert len(ids) == 10 and len(set(ids)) == 10, f"expected the 10 trials once each, found {len(ids)} rows, {len(set(ids))} ids"
records = {}
for f in glob.glob(f"{out}/runs/*.conf"):
    text = open(f).read()
    records[re.search(r"# run_id = (\S+)", text).group(1)] = int(re.search(r", ran = (\d+)", text).group(1))
assert len(records) == 2, records
by_run = {run: sum(r["run_id"] == run for r in rows) for run in records}
assert by_run == records, f"run records {records} against rows by run id {by_run}"
# Every attempt leaves its curve file; attempts beyond one per trial lost the race for the row.
attempts = len([f for f in glob.glob(f"{out}/journal/curves/*.parquet")])
print(f"two drivers: 10 trials once each; trials run per driver: {records}; "
      f"{attempts - 10} attempts ran a trial the other driver committed first")
PY
