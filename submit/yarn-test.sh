#!/usr/bin/env bash
# YARN and HDFS for real: a mini Hadoop cluster (a name node, a data node, a resource manager and a
# node manager that launches containers as processes; hadoop-client-minicluster 3.4.2) and sweeps
# submitted through submit/yarn.sh, with their output on hdfs://:
#   1. client mode, killed executor: kill -9 an executor container mid-sweep: YARN replaces it, the
#      sweep finishes, every trial once, and the trials equal those of the same spec in local mode;
#   2. cluster mode, two drivers: two submissions at once to one HDFS output, each driver in its own
#      application master: both succeed, every trial is committed once, equal to local mode.
# The Spark it submits with is a distribution laid out from Maven Central (submit/yarn-spark/pom.xml):
# Central serves no YARN module for Spark 4.1, so it is Spark $YARN_SPARK_VERSION with its YARN module,
# running the same job jar. Every process it starts is stopped when it exits, also on failure (logs,
# with the containers', are kept in sweep-job/target/yarn-test-logs). Prints a timeline; exit 0 only
# if every check holds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built

work="$(mktemp -d /tmp/lra-yarn-test.XXXXXX)"
logs="$root/sweep-job/target/yarn-test-logs"
cluster_pid=
t0=$(date +%s)
log() { printf '[%4ds] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

cleanup() {
  local status=$?
  # Drivers and executors of this test carry its work folder (the spec's path) or its cluster's
  # container folders on their command lines.
  [[ -n "$cluster_pid" ]] && kill "$cluster_pid" 2>/dev/null && { wait "$cluster_pid" 2>/dev/null || true; }
  pkill -9 -f "$work" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$logs" && mkdir -p "$logs"
  cp "$work"/*.log "$logs"/ 2>/dev/null || true
  # The containers' stdout and stderr, by application and container.
  find "$work/cluster" -type d -name 'application_*' -path '*logDir*' -exec cp -r {} "$logs"/ \; 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
export OMP_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1

spec="$root/conf/cluster-test.conf"
TRIALS=8

# The mini cluster starts while the reference runs: the same spec in local mode, with the build's
# own Spark.
mkdir -p "$work/cluster"
java "${SPARK_JAVA_FLAGS[@]}" -Xmx768m "-Dtest.build.data=$work/cluster" -cp "$root/sweep-job/target/test-classes:$(cat "$root/sweep-job/target/test-classpath.txt")" \
  org.lrasweep.sweep.run.MiniHadoopCluster "$work/hadoop-conf" "$work/cluster" 8192 4 >"$work/hadoop.log" 2>&1 &
cluster_pid=$!
log "reference: the same spec in local mode, while the mini cluster starts"
run_local 2 run "$spec" "output=$work/local" spark.progress=false >"$work/local.log" 2>&1 &
reference_pid=$!

# The Spark distribution: the jars Maven resolves for spark-sql and spark-yarn, laid out as a
# distribution is (RELEASE, jars/, conf/, bin/spark-submit through Spark's own launcher, as
# bin/spark-class runs it), so that --driver-java-options, the Hadoop configuration folder and the
# module flags are handled as on a real installation.
YARN_SPARK_VERSION=$(sed -n 's:.*<spark-yarn.version>\(.*\)</spark-yarn.version>.*:\1:p' "$root/submit/yarn-spark/pom.xml")
spark_home="$root/sweep-job/target/yarn-spark-$YARN_SPARK_VERSION"
if [[ ! -f "$spark_home/RELEASE" ]]; then
  log "laying out Spark $YARN_SPARK_VERSION with its YARN module from Maven"
  (cd "$root" && mvn -B -q -ntp -f submit/yarn-spark/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$work/yarn-spark-classpath.txt" >&2)
  rm -rf "$spark_home.tmp" && mkdir -p "$spark_home.tmp/jars" "$spark_home.tmp/bin" "$spark_home.tmp/conf"
  tr ':' '\n' <"$work/yarn-spark-classpath.txt" | while read -r jar || [[ -n "$jar" ]]; do ln -s "$jar" "$spark_home.tmp/jars/"; done
  cat >"$spark_home.tmp/bin/spark-submit" <<'LAUNCHER'
#!/usr/bin/env bash
# bin/spark-class's way: Spark's launcher prints messages, a NUL on a line of its own, then the java
# command NUL-separated; the exit code follows.
export SPARK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" SPARK_SCALA_VERSION=2.13
build_command() {
  java -Xmx128m -XX:TieredStopAtLevel=1 -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit "$@"
  printf '%d\0' $?
}
CMD=()
DELIM=$'\n'
STARTED=false
while IFS= read -d "$DELIM" -r ARG; do
  if [[ "$STARTED" == true ]]; then
    CMD+=("$ARG")
  elif [[ -z "$ARG" ]]; then # the NUL line: from here on, NUL-separated
    DELIM=''
    STARTED=true
  else
    echo "$ARG"
  fi
done < <(build_command "$@")
LAST=$((${#CMD[@]} - 1))
[[ "${CMD[$LAST]}" == 0 ]] || exit "${CMD[$LAST]}"
exec "${CMD[@]:0:$LAST}"
LAUNCHER
  chmod +x "$spark_home.tmp/bin/spark-submit"
  echo "Spark $YARN_SPARK_VERSION (Scala 2.13), jars from Maven Central" >"$spark_home.tmp/RELEASE"
  mv "$spark_home.tmp" "$spark_home"
fi
# Containers find Spark where the submitting host has it (every node of this cluster is this host),
# as a cluster with Spark installed on its nodes is configured, instead of uploading 300 MB of jars.
# A handful of shuffle partitions suits a few trials on two one-core executors; no web UI, and the
# application master asks for (replacement) containers every second instead of every three.
cat >"$spark_home/conf/spark-defaults.conf" <<CONF
spark.yarn.jars local:$spark_home/jars/*
spark.sql.shuffle.partitions 8
spark.task.maxFailures 8
spark.ui.enabled false
spark.yarn.scheduler.heartbeat.interval-ms 1000
CONF
export SPARK_HOME="$spark_home" PATH="$spark_home/bin:$PATH"
# Drivers and submitters only plan, schedule and write the report (executors run the trials): the
# quick JIT tier alone spares this two-core test a third of their CPU time.
export DRIVER_JAVA_OPTIONS="-XX:TieredStopAtLevel=1" SPARK_SUBMIT_OPTS="-XX:TieredStopAtLevel=1"

for ((i = 0; i < 600; i++)); do
  [[ -f "$work/hadoop-conf/ready" ]] && break
  kill -0 "$cluster_pid" 2>/dev/null || fail "the mini cluster did not start (see hadoop.log)"
  sleep 0.2
done
[[ -f "$work/hadoop-conf/ready" ]] || fail "timed out waiting for the mini cluster"
hdfs_uri=$(sed -n 1p "$work/hadoop-conf/ready")
namenode_web=$(sed -n 3p "$work/hadoop-conf/ready")
export HADOOP_CONF_DIR="$work/hadoop-conf"
log "mini cluster up: HDFS at $hdfs_uri, YARN resource manager at $(sed -n 2p "$work/hadoop-conf/ready")"
wait "$reference_pid" || fail "local run (see local.log)"
log "local run: $(find "$work/local/journal/trials" -maxdepth 1 -name '*.parquet' ! -name '_*' | wc -l) trials committed"

# HDFS through WebHDFS (OUTPUT is hdfs://host:port/PATH): committed trials are
# journal/trials/<id>.parquet; a file's content comes from the data node the name node redirects to.
webhdfs() { echo "http://$namenode_web/webhdfs/v1/${1#hdfs://*/}"; }
committed() {
  curl -sf "$(webhdfs "$1")/journal/trials?op=LISTSTATUS" | grep -oE '"pathSuffix":"[^_"][^"]*\.parquet"' | wc -l
}
# Executors of this test's cluster: their command lines name their container folders under $work.
executor_pids() { pgrep -f "YarnCoarseGrainedExecutorBackend.*$1" || true; }

compare() { # compare OUTPUT: the same trials as the local run, each id once
  rm -f "$work/trials.csv"
  curl -sfL -o "$work/trials.csv" "$(webhdfs "$1")/csv/trials.csv?op=OPEN" || fail "no csv/trials.csv under $1"
  /usr/bin/env python3 "$root/submit/compare-trials.py" "$work/local/csv/trials.csv" "$work/trials.csv"
}

# 1. Client mode: the driver here, two one-core executors in containers; one is killed mid-sweep.
out="$hdfs_uri/sweeps/client"
DEPLOY_MODE=client EXECUTORS=2 EXECUTOR_CORES=1 EXECUTOR_MEMORY=768m DRIVER_MEMORY=1g \
  "$root/submit/yarn.sh" "$spec" "output=\"$out\"" spark.progress=false >"$work/client.log" 2>&1 &
driver_pid=$!
for ((i = 0; i < 900; i++)); do
  kill -0 "$driver_pid" 2>/dev/null || fail "the client-mode sweep ended before any executor was killed (see client.log)"
  [[ "$(committed "$out")" -ge 1 ]] && break
  sleep 0.2
done
victim=$(executor_pids "$work" | head -n 1)
[[ -n "$victim" ]] || fail "no executor container of the client-mode application (see client.log)"
app=$(tr '\0' ' ' <"/proc/$victim/cmdline" | grep -oE 'application_[0-9]+_[0-9]+' | head -n 1 || true)
before=$(committed "$out")
kill -9 "$victim"
log "client mode ($app): kill -9 executor container process $victim with $before/$TRIALS trials committed"
wait "$driver_pid" || fail "the client-mode sweep failed after losing an executor (see client.log)"
grep -qE "Executor for container .* exited|Container .* (killed|exited)|Removing executor|Lost executor" "$work/client.log" \
  || fail "the driver's log does not show the lost executor"
[[ "$(committed "$out")" -eq "$TRIALS" ]] || fail "expected $TRIALS committed trials, found $(committed "$out")"
log "client mode: the sweep finished on a replacement executor; $(compare "$out")"

# 2. Cluster mode: two submissions at once to one output, each driver in an application master. The
# second writes no report (--no-report, as for all but one of several drivers on one output): when
# either driver's job ends every trial is committed, and the first one's summary covers them all.
out="$hdfs_uri/sweeps/cluster"
for n in 1 2; do
  DEPLOY_MODE=cluster EXECUTORS=1 EXECUTOR_CORES=1 EXECUTOR_MEMORY=768m DRIVER_MEMORY=768m \
    "$root/submit/yarn.sh" "$spec" "output=\"$out\"" spark.progress=false $([[ $n == 2 ]] && echo --no-report) >"$work/cluster-$n.log" 2>&1 &
  submitter[$n]=$!
done
# Both applications must be running at the same moment (RUNNING in each submitter's log before either finishes).
both_running() { grep -qs "state: RUNNING" "$work/cluster-1.log" && grep -qs "state: RUNNING" "$work/cluster-2.log"; }
for ((i = 0; i < 900; i++)); do
  both_running && break
  grep -qs "state: FINISHED" "$work"/cluster-[12].log && fail "one cluster-mode application finished before the other ran"
  sleep 0.2
done
both_running || fail "timed out waiting for both cluster-mode applications to run"
for n in 1 2; do
  wait "${submitter[$n]}" || fail "cluster-mode submission $n failed (see cluster-$n.log and the containers' logs)"
  grep -q "final status: SUCCEEDED" "$work/cluster-$n.log" || fail "cluster-mode application $n did not succeed (see cluster-$n.log)"
done
apps=$(grep -ohE 'application_[0-9]+_[0-9]+' "$work"/cluster-[12].log | sort -u | paste -sd, - || true)
[[ "$(committed "$out")" -eq "$TRIALS" ]] || fail "expected $TRIALS committed trials, found $(committed "$out")"
log "cluster mode, two drivers at once ($apps): both ran at once and SUCCEEDED; $(compare "$out")"
log "PASS: YARN and HDFS, client mode with a killed executor, cluster mode with two drivers on one output"
