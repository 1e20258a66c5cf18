#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1 (a Master and two one-core Workers started from the
# Maven-resolved Spark jars) running a small sweep submitted through SparkSubmit in client mode:
#   1. lost worker: kill -9 a Worker and its executor mid-sweep: the sweep completes, every trial id
#      once, and the trials table equals that of the same spec run in local mode;
#   2. killed driver: kill -9 the driver mid-sweep, submit again: it completes, no duplicates, the
#      trials committed before the kill are not recomputed;
#   3. killed executor after a checkpoint: kill -9 every executor once a running trial has kept a
#      periodic checkpoint: the retried task resumes from it (the executor's log says so), the row
#      records the iteration it resumed from, and the trial equals the same trial run whole in local mode.
# Every process it starts is stopped when it exits, also on failure (logs are kept in
# sweep-job/target/cluster-test-logs). Prints a timeline; exit 0 only if every check holds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built
ensure_spark_home

MASTER_PORT="${MASTER_PORT:-17077}"
work="$(mktemp -d /tmp/lra-cluster-test.XXXXXX)"
logs="$root/sweep-job/target/cluster-test-logs"
started=()
t0=$(date +%s)

log() { printf '[%4ds] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

cleanup() {
  local status=$?
  for pid in "${started[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  # Local-mode references carry the work folder (their output) on their command lines.
  pkill -9 -f "$work" 2>/dev/null || true
  # Executors are children of the Workers; they carry the worker URL on their command line.
  pkill -9 -f "Worker@127.0.0.1:$((MASTER_PORT + 1))" 2>/dev/null || true
  pkill -9 -f "Worker@127.0.0.1:$((MASTER_PORT + 2))" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$logs" && mkdir -p "$logs" && cp "$work"/*.log "$logs"/ 2>/dev/null || true
  rm -rf "$work"
  local left
  left=$(pgrep -f "$work|Worker@127.0.0.1:$((MASTER_PORT + 1))|Worker@127.0.0.1:$((MASTER_PORT + 2))" || true)
  [[ -z "$left" ]] || echo "warning: processes left: $left" >&2
  exit "$status"
}
trap cleanup EXIT

# Drivers and daemons only schedule, commit and write the report (executors run the trials): the
# quick JIT tier alone spares this two-core test a third of their CPU time.
JAVA_CMD=(java "${SPARK_JAVA_FLAGS[@]}" -XX:TieredStopAtLevel=1 "-Dlog4j2.configurationFile=file:$LOG4J_CONF" -cp "$(cat "$SPARK_CLASSPATH_FILE")")
# The daemons log Spark's deploy package at INFO: their logs are what to read when this test fails.
cp "$LOG4J_CONF" "$work/log4j2-daemon.properties"
printf 'logger.deploy.name = org.apache.spark.deploy\nlogger.deploy.level = info\n' >>"$work/log4j2-daemon.properties"
# No port retries: a daemon must not drift to another port and leave the test talking to a stranger.
DAEMON_CMD=(java "${SPARK_JAVA_FLAGS[@]}" -XX:TieredStopAtLevel=1 "-Dlog4j2.configurationFile=file:$work/log4j2-daemon.properties"
  -Dspark.port.maxRetries=0 -cp "$(cat "$SPARK_CLASSPATH_FILE")")
for port in "$MASTER_PORT" $((MASTER_PORT + 1)) $((MASTER_PORT + 2)) $((MASTER_PORT + 1000)) $((MASTER_PORT + 1001)) $((MASTER_PORT + 1002)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is in use: stop what listens there or set MASTER_PORT"
  fi
done
# The master's JSON status page: whether it is up, and how many workers it counts as alive
# (0 while the page does not answer: it can fail for a moment while the master settles).
master_json() { curl -sf "http://127.0.0.1:$((MASTER_PORT + 1000))/json/" || true; }
master_alive() { master_json | grep -q '"status" *: *"ALIVE"'; }
alive_workers() { local n; n=$(master_json | grep -o '"aliveworkers" *: *[0-9]*' | grep -o '[0-9]*$' || true); echo "${n:-0}"; }
export OMP_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit="$1" what="$2"
  shift 2
  for ((i = 0; i < limit * 5; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  fail "timed out waiting for $what"
}

start_worker() { # start_worker N
  local n="$1" alive_before
  alive_before=$(alive_workers)
  "${DAEMON_CMD[@]}" -Xmx512m -Dspark.worker.timeout=10 org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port $((MASTER_PORT + n)) \
    --webui-port $((MASTER_PORT + 1000 + n)) --cores 1 --memory 2g --work-dir "$work/worker$n" \
    "spark://127.0.0.1:$MASTER_PORT" >"$work/worker$n.log" 2>&1 &
  worker_pid[$n]=$!
  started+=("$!")
  disown "$!" # killed on purpose: no job-control notice
  wait_for 60 "worker $n to register" workers_alive_at_least $((alive_before + 1))
  log "worker $n up (pid ${worker_pid[$n]}, 1 core)"
}

executor_of() { pgrep -f "CoarseGrainedExecutorBackend.*Worker@127.0.0.1:$((MASTER_PORT + $1))" || true; }
committed() { find "$1/journal/trials" -maxdepth 1 -name '*.parquet' ! -name '_*' 2>/dev/null | wc -l; }
# Conditions for wait_for, evaluated afresh on every poll.
workers_alive_at_least() { [[ "$(alive_workers)" -ge "$1" ]]; }
committed_at_least() { # a dead driver ends the wait at once
  kill -0 "$driver_pid" 2>/dev/null || fail "the driver died early (see the driver log)"
  [[ "$(committed "$1")" -ge "$2" ]]
}
no_executors() { [[ -z "$(executor_of 1)$(executor_of 2)" ]]; }

submit() { # submit OUTPUT LOGNAME [KEY=VALUE...]: the sweep on the cluster, in the background; sets driver_pid
  "${JAVA_CMD[@]}" -Xmx1g org.apache.spark.deploy.SparkSubmit --master "spark://127.0.0.1:$MASTER_PORT" \
    --deploy-mode client --executor-cores 1 --executor-memory 1g --total-executor-cores 2 "${CLUSTER_CONF[@]}" \
    --conf spark.driver.host=127.0.0.1 --conf spark.task.maxFailures=8 \
    --class org.lrasweep.sweep.SweepMain "$JOB_JAR" run "$spec" "output=$1" spark.progress=false "${@:3}" >"$work/$2.log" 2>&1 &
  driver_pid=$!
  started+=("$!")
}

spec="$root/conf/cluster-test.conf"
TRIALS=8

# The cluster starts while the reference runs: the same spec in local mode.
log "reference: the same spec in local mode, while the cluster starts"
run_local 2 run "$spec" "output=$work/local" spark.progress=false >"$work/local.log" 2>&1 &
reference_pid=$!

"${DAEMON_CMD[@]}" -Xmx512m -Dspark.worker.timeout=10 org.apache.spark.deploy.master.Master --host 127.0.0.1 \
  --port "$MASTER_PORT" --webui-port $((MASTER_PORT + 1000)) >"$work/master.log" 2>&1 &
started+=("$!")
disown "$!"
wait_for 60 "the master" master_alive
log "master up at spark://127.0.0.1:$MASTER_PORT"
declare -A worker_pid
start_worker 1
start_worker 2
wait "$reference_pid" || fail "local run (see local.log)"
log "local run: $(committed "$work/local") trials committed"

# 1. Lost worker.
submit "$work/lost-worker" driver-lost-worker
wait_for 180 "two trials committed" committed_at_least "$work/lost-worker" 2
victim_executor=$(executor_of 1)
[[ -n "$victim_executor" ]] || fail "no executor on worker 1"
before=$(committed "$work/lost-worker")
kill -9 "${worker_pid[1]}" $victim_executor
log "kill -9 worker 1 (pid ${worker_pid[1]}) and its executor (pid $victim_executor) with $before/$TRIALS trials committed"
wait "$driver_pid" || fail "the sweep failed after losing a worker (see driver-lost-worker.log)"
after=$(committed "$work/lost-worker")
log "sweep finished on the remaining worker: $after/$TRIALS trials committed"
[[ "$after" -eq "$TRIALS" ]] || fail "expected $TRIALS trials, found $after"
start_worker 1

compare() { # compare OUTPUT: same trials as the local run, each id once
  /usr/bin/env python3 "$root/submit/compare-trials.py" "$work/local/csv/trials.csv" "$1/csv/trials.csv"
}
log "lost worker: $(compare "$work/lost-worker")" || fail "lost-worker results"

# 2. Killed driver.
submit "$work/killed-driver" driver-killed
wait_for 180 "three trials committed" committed_at_least "$work/killed-driver" 3
kill -9 "$driver_pid"
wait "$driver_pid" 2>/dev/null || true
log "kill -9 the driver (pid $driver_pid) with $(committed "$work/killed-driver")/$TRIALS trials committed"
wait_for 60 "the executors of the dead driver to stop" no_executors
snapshot=$(cd "$work/killed-driver/journal/trials" && find . -maxdepth 1 -name '*.parquet' ! -name '_*' -printf '%f %T@\n' | sort)
kept=$(wc -l <<<"$snapshot")
log "executors gone; $kept trials committed before the resubmission"
submit "$work/killed-driver" driver-resubmitted
wait "$driver_pid" || fail "the resubmitted sweep failed (see driver-resubmitted.log)"
grep -q "$kept already committed, $((TRIALS - kept)) run" "$work/driver-resubmitted.log" \
  || fail "resubmission did not run exactly the $((TRIALS - kept)) missing trials: $(grep "sweep 'cluster-test'" "$work/driver-resubmitted.log")"
unchanged=$(cd "$work/killed-driver/journal/trials" && while read -r f t; do [[ "$(find . -maxdepth 1 -name "$f" -printf '%T@')" == "$t" ]] && echo "$f"; done <<<"$snapshot" | wc -l)
[[ "$unchanged" -eq "$kept" ]] || fail "$((kept - unchanged)) committed trials were rewritten"
log "resubmitted: ran the $((TRIALS - kept)) missing trials, the $kept committed ones untouched"
log "killed driver: $(compare "$work/killed-driver")" || fail "killed-driver results"
# 3. Killed executor after a periodic checkpoint.
# The spec above for one trial, run to 1,600 iterations, keeping a checkpoint about every second; its
# reference (the trial run whole in local mode) runs on the other core meanwhile.
checkpointed=(name=cluster-checkpoint "seeds=[1]" max-iterations=1600 patience=1000 lra.alpha=0 checkpoint-every=0.01)
run_local 1 run "$spec" "output=$work/checkpoint-local" spark.progress=false "${checkpointed[@]}" >"$work/checkpoint-local.log" 2>&1 &
reference_pid=$!
submit "$work/checkpoint" driver-checkpoint "${checkpointed[@]}"
# The iteration of the running trial's periodic checkpoint (empty while it has none).
checkpoint_at() { find "$work/checkpoint/journal/checkpoints" -name '*.periodic.ckpt' 2>/dev/null | sed 's/.*\.\([0-9]*\)\.periodic\.ckpt/\1/' | sort -n | tail -1; }
periodic() { kill -0 "$driver_pid" 2>/dev/null || fail "the driver died early"; [[ "$(checkpoint_at)" -ge 800 ]]; }
wait_for 180 "a periodic checkpoint past iteration 800" periodic
at=$(checkpoint_at)
victims="$(executor_of 1) $(executor_of 2)"
kill -9 $victims
log "kill -9 the executors ($victims) with a periodic checkpoint at iteration $at"
wait "$driver_pid" || fail "the sweep failed after its executors were killed (see driver-checkpoint.log)"
resumed=$(grep -rhoE "resumed from its checkpoint at iteration [0-9]+" "$work"/worker*/ | head -1 || true)
[[ -n "$resumed" ]] || fail "no executor log says the trial resumed from its checkpoint"
start=$(/usr/bin/env python3 -c 'import csv,sys; print(next(csv.DictReader(open(sys.argv[1])))["start_iteration"])' "$work/checkpoint/csv/trials.csv")
[[ "$start" -ge "$at" ]] || fail "the trial's start_iteration is $start, its checkpoint was at $at"
[[ -z "$(find "$work/checkpoint/journal/checkpoints" -name '*.periodic.ckpt')" ]] || fail "periodic checkpoints left after the commit"
wait "$reference_pid" || fail "local checkpoint run (see checkpoint-local.log)"
# compare() reads the reference from $work/local: this scenario's is the checkpoint spec run whole in local mode.
rm -rf "$work/local" && mv "$work/checkpoint-local" "$work/local"
log "killed executors: the retry $resumed (start_iteration $start); $(compare "$work/checkpoint")" || fail "checkpoint results"
log "PASS: standalone cluster, lost worker, killed driver and a killed executor resumed from its checkpoint"
