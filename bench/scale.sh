#!/usr/bin/env bash
# bench/scale.sh [OUTPUT]: the scale check (README, "Scale"). Writes a synthetic journal of the
# 100,000 trials of bench/scale.conf (made-up results, no training; kept between runs), then times
# what a driver does with it under a 2 GB driver heap in Spark local mode on 2 cores:
#   plan; status on the uncompacted journal (a sweep still running); compact; compact again
#   (nothing changed); a resume with nothing left to run; summarize; status on the compacted output.
# Prints a table of wall seconds and peak resident memory, and appends it to bench/scale-last-run.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../submit/lib.sh"
ensure_built
out="${1:-/tmp/lra-sweep-scale}"
spec="$here/scale.conf"
export OMP_NUM_THREADS=1 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export DRIVER_MEMORY=2g
# The job as a command of its own (so that /usr/bin/time can measure it): 2 cores, a 2 GB driver heap.
job=(bash -c 'source "$0"; _spark_submit --master "local[2]" --driver-memory 2g --conf spark.ui.showConsoleProgress=false "$@"'
  "$here/../submit/lib.sh")
report="$here/scale-last-run.txt"
{
  echo "# bench/scale.sh on $(date -u +%FT%TZ): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), 2 cores, driver heap 2 GB"
} | tee "$report"
if [[ ! -d "$out/journal/trials" ]] || [[ "$(find "$out/journal/trials" -name '*.parquet' | wc -l)" -lt 100000 ]]; then
  "${job[@]}" --class org.lrasweep.sweep.bench.SyntheticJournal "$JOB_JAR" "$spec" "output=\"$out\"" 2>/tmp/lra-sweep-scale-generate.log | tee -a "$report"
fi
echo "journal: $(find "$out/journal" -name '*.parquet' | wc -l) files, $(du -sh "$out/journal" | cut -f1)" | tee -a "$report"
step() {
  local name="$1"
  shift
  local t0 t1 log="/tmp/lra-sweep-scale-${name//[ (),]/-}.log"
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$log.rss" "$@" > "$log" 2>&1 || { echo "$name failed: see $log" | tee -a "$report"; return 1; }
  t1=$(date +%s.%N)
  printf "%-28s %8.1f s  %6.0f MB peak RSS\n" "$name" "$(echo "$t1 - $t0" | bc)" "$(( $(tail -1 "$log.rss") / 1024 ))" | tee -a "$report"
}
step plan java -Xmx2g -cp "$JOB_JAR:$(cat "$SPARK_CLASSPATH_FILE")" org.lrasweep.sweep.SweepMain plan "$spec" "output=\"$out\""
step "status (journal only)" "${job[@]}" --class org.lrasweep.sweep.SweepMain "$JOB_JAR" status "$out" || true
step compact "${job[@]}" --class org.lrasweep.sweep.SweepMain "$JOB_JAR" compact "$out"
step "compact again" "${job[@]}" --class org.lrasweep.sweep.SweepMain "$JOB_JAR" compact "$out"
step "resume, nothing to run" "${job[@]}" --class org.lrasweep.sweep.SweepMain "$JOB_JAR" run "$spec" "output=\"$out\""
step summarize "${job[@]}" --class org.lrasweep.sweep.SweepMain "$JOB_JAR" summarize "$out"
step status "${job[@]}" --class org.lrasweep.sweep.SweepMain "$JOB_JAR" status "$out"
