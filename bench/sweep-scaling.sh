#!/usr/bin/env bash
# The same sweep in Spark local mode on 1 and on 2 cores: throughput ratio, and Spark's overhead
# (driver, scheduling, Parquet commits, summary and report) as a share of the trials' own compute:
#   overhead = 1 - (sum of trial wall times) / (cores x sweep wall time).
# Usage: bench/sweep-scaling.sh [SPEC] (default conf/quickstart.conf with a 600-iteration budget).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
spec="${1:-conf/quickstart.conf}"
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
import csv, sys
work = sys.argv[1]
rows = {}
for line in open(f"{work}/times"):
    cores, wall = line.split()
    trials = list(csv.DictReader(open(f"{work}/c{cores}/csv/trials.csv")))
    compute = sum(float(t["wall_seconds"]) for t in trials)
    rows[int(cores)] = (float(wall), compute, len(trials))
print(f"{'cores':>5} {'trials':>6} {'wall s':>8} {'trial compute s':>16} {'trials/min':>10} {'Spark overhead':>15}")
for cores, (wall, compute, n) in sorted(rows.items()):
    print(f"{cores:>5} {n:>6} {wall:>8.1f} {compute:>16.1f} {60 * n / wall:>10.2f} {1 - compute / (cores * wall):>14.1%}")
(w1, c1, n1), (w2, c2, n2) = rows[1], rows[2]
print(f"local[2] / local[1] throughput: {w1 / w2:.2f}x (whole command, JVM start and report included)")
PY
