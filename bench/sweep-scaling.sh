#!/usr/bin/env bash
# The same sweep in Spark local mode on 1 and on 2 cores: throughput ratio, and Spark's overhead as
# a share of the trials' own compute, overhead = 1 - (sum of trial wall times) / (cores x wall), for
# two walls: the whole command (JVM and Spark start, driver, scheduling, Parquet commits, summary
# and report: fixed costs that a long sweep amortizes), the run phase alone (from the run
# record's started_at to finished_at: scheduling, Parquet commits, reading the statuses back), and
# the steady state (first trial's start to last trial's end: what each further trial costs).
# Usage: bench/sweep-scaling.sh [SPEC] (default conf/quickstart.conf with a 600-iteration budget).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
spec="${1:-conf/quickstart.conf}"
# Build first, so that neither timed command includes a build.
source submit/lib.sh
ensure_built
work="$(mktemp -d /tmp/lra-scaling.XXXXXX)"
trap 'rm -rf "$work"' EXIT
for cores in 1 2; do
  start=$(date +%s.%N)
  LOCAL_CORES=$cores submit/local.sh "$spec" "output=$work/c$cores" max-iterations=600 spark.progress=false \
    >"$work/c$cores.out" 2>"$work/c$cores.err"
  end=$(date +%s.%N)
  echo "$cores $(echo "$end - $start" | bc -l)" >>"$work/times"
done
/usr/bin/python3 - "$work" <<'PY'
import csv, glob, sys
from datetime import datetime
work = sys.argv[1]

def run_phase(folder):
    [record] = glob.glob(f"{folder}/runs/*.conf")
    stamps = {}
    for line in open(record):
        if line.startswith("# started_at") or line.startswith("# finished_at"):
            key, value = line[2:].split(" = ")
            stamps[key] = datetime.fromisoformat(value.strip()[:26].rstrip("Z"))
    return (stamps["finished_at"] - stamps["started_at"]).total_seconds()

def steady(trials):
    starts = [datetime.fromisoformat(t["started_at"]) for t in trials]
    ends = [datetime.fromisoformat(t["finished_at"]) for t in trials]
    return (max(ends) - min(starts)).total_seconds()

rows = {}
for line in open(f"{work}/times"):
    cores, wall = line.split()
    trials = list(csv.DictReader(open(f"{work}/c{cores}/csv/trials.csv")))
    compute = sum(float(t["wall_seconds"]) for t in trials)
    rows[int(cores)] = (float(wall), run_phase(f"{work}/c{cores}"), steady(trials), compute, len(trials))
print(f"{'cores':>5} {'trials':>6} {'command s':>10} {'run phase s':>12} {'trial compute s':>16} {'trials/min':>10}"
      f"   Spark overhead: {'command':>8} {'run phase':>10} {'steady state':>13}")
for cores, (wall, phase, span, compute, n) in sorted(rows.items()):
    print(f"{cores:>5} {n:>6} {wall:>10.1f} {phase:>12.1f} {compute:>16.1f} {60 * n / wall:>10.2f}"
          f"   {'':>15} {1 - compute / (cores * wall):>8.1%} {1 - compute / (cores * phase):>10.1%}"
          f" {1 - compute / (cores * span):>13.1%}")
(w1, p1, s1, c1, n1), (w2, p2, s2, c2, n2) = rows[1], rows[2]
print(f"local[2] / local[1] throughput: {w1 / w2:.2f}x whole command, {p1 / p2:.2f}x run phase")
PY
