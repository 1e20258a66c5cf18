# Shared by the submit/ scripts: building the job when needed, and spark-submit with or without
# a Spark distribution (SparkSubmit is an ordinary main class of the Maven-resolved Spark jars).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# LRA_SWEEP_JOB_JAR: a prebuilt job jar to submit instead of building this checkout's.
JOB_JAR="${LRA_SWEEP_JOB_JAR:-$root/sweep-job/target/lra-sweep-job.jar}"
SPARK_CLASSPATH_FILE="$root/sweep-job/target/spark-classpath.txt"
LOG4J_CONF="$root/submit/log4j2.properties"

# Spark's own module flags (org.apache.spark.launcher.JavaModuleOptions).
SPARK_JAVA_FLAGS=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
# The report's charts are drawn off-screen: no display is ever needed.
HEADLESS=-Djava.awt.headless=true

# Builds the job jar and Spark classpath when missing or older than the sources (not a given LRA_SWEEP_JOB_JAR).
ensure_built() {
  if [[ -n "${LRA_SWEEP_JOB_JAR:-}" ]]; then
    [[ -f "$JOB_JAR" ]] || { echo "error: LRA_SWEEP_JOB_JAR = $JOB_JAR: no such file" >&2; exit 2; }
    return
  fi
  if [[ ! -f "$JOB_JAR" || ! -f "$SPARK_CLASSPATH_FILE" ]] \
     || [[ -n "$(find "$root/rnn-kernel/src/main" "$root/sweep-job/src/main" "$root/pom.xml" "$root/rnn-kernel/pom.xml" \
                 "$root/sweep-job/pom.xml" -newer "$JOB_JAR" -print -quit)" ]]; then
    echo "building the job (mvn package) ..." >&2
    (cd "$root" && mvn -B -q -ntp package -DskipTests >&2)
  fi
}

# The Spark line the job jar is built for (4.1), and 4.2, on which submit/yarn-test.sh runs the
# same jar on YARN; a spark-submit on the PATH must be one of them.
SPARK_LINE=4.1
SPARK_LINES_RUN="4.1 4.2"
SCALA_LINE=2.13

# Exits 2 with one line unless the spark-submit on the PATH is Spark 4.1 or 4.2 for Scala $SCALA_LINE.
check_spark_submit_version() {
  local banner version scala
  # Once per script: `spark-submit --version` starts two JVMs.
  [[ "${SPARK_SUBMIT_CHECKED:-}" == "$(command -v spark-submit)" ]] && return
  banner="$(spark-submit --version 2>&1 || true)"
  version="$(grep -oE 'version [0-9]+\.[0-9]+\.[0-9]+' <<<"$banner" | head -n 1 | cut -d' ' -f2 || true)"
  scala="$(grep -oE 'Scala version [0-9]+\.[0-9]+' <<<"$banner" | head -n 1 | cut -d' ' -f3 || true)"
  if [[ " $SPARK_LINES_RUN " != *" ${version%.*} "* || -z "$version" || "$scala" != "$SCALA_LINE" ]]; then
    echo "error: $(command -v spark-submit) is Spark ${version:-unknown} for Scala ${scala:-unknown}; the job needs Spark ${SPARK_LINES_RUN// / or } for Scala $SCALA_LINE (put that distribution first on the PATH)" >&2
    exit 2
  fi
  SPARK_SUBMIT_CHECKED="$(command -v spark-submit)"
}

# Exits 2 with one line when no spark-submit is on the PATH: YARN and Kubernetes need a distribution
# (the Maven-resolved Spark jars have neither module); otherwise checks its version.
require_spark_distribution() {
  if ! command -v spark-submit >/dev/null 2>&1; then
    echo "error: $1 needs spark-submit of a Spark ${SPARK_LINES_RUN// / or } (Scala $SCALA_LINE) distribution on the PATH; the Maven-resolved Spark jars run local and standalone sweeps only" >&2
    exit 2
  fi
  check_spark_submit_version
}

# spark-submit ARGS...: the distribution's when on PATH (checked to be Spark 4.1 or 4.2), else SparkSubmit
# from the Maven-resolved jars. DRIVER_JAVA_OPTIONS: extra JVM flags for the driver.
_spark_submit() {
  if command -v spark-submit >/dev/null 2>&1; then
    check_spark_submit_version
    spark-submit --driver-java-options "$HEADLESS -Dlog4j2.configurationFile=file:$LOG4J_CONF${DRIVER_JAVA_OPTIONS:+ $DRIVER_JAVA_OPTIONS}" "$@"
  else
    java "${SPARK_JAVA_FLAGS[@]}" "$HEADLESS" ${DRIVER_JAVA_OPTIONS:-} -Xmx"${DRIVER_MEMORY:-4g}" "-Dlog4j2.configurationFile=file:$LOG4J_CONF" \
      -cp "$(cat "$SPARK_CLASSPATH_FILE")" org.apache.spark.deploy.SparkSubmit "$@"
  fi
}

# A SPARK_HOME made of links to the Maven-resolved Spark jars: what a standalone Worker launches
# executors from when no Spark distribution is installed.
ensure_spark_home() {
  # A distribution's load-spark-env.sh sets this; Spark's launcher needs it to find jars/.
  export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
  if [[ -n "${SPARK_HOME:-}" && -d "$SPARK_HOME/jars" ]]; then
    return
  fi
  export SPARK_HOME="$root/sweep-job/target/spark-home"
  if [[ ! -d "$SPARK_HOME/jars" || "$SPARK_CLASSPATH_FILE" -nt "$SPARK_HOME/jars" ]]; then
    rm -rf "$SPARK_HOME"
    mkdir -p "$SPARK_HOME/jars"
    # "|| -n": the file ends without a newline, and read drops a last line without one.
    tr ':' '\n' < "$SPARK_CLASSPATH_FILE" | while read -r jar || [[ -n "$jar" ]]; do ln -s "$jar" "$SPARK_HOME/jars/"; done
  fi
}

spark_submit() { _spark_submit "$@"; }

# run_local DEFAULT_CORES JOB_ARGS...: the job in Spark local mode (LOCAL_CORES overrides the cores;
# LOCAL_TASK_ATTEMPTS, default 2, the attempts a task gets, so that an Error such as an OutOfMemoryError
# is retried once before the trial is committed as failed;
# cores), one ND4J thread per task, built first when needed.
run_local() {
  local cores="$1"
  shift
  ensure_built
  export OMP_NUM_THREADS=1 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  spark_submit --master "local[${LOCAL_CORES:-$cores},${LOCAL_TASK_ATTEMPTS:-2}]" --conf spark.ui.showConsoleProgress=false \
    --class org.lrasweep.sweep.SweepMain "$JOB_JAR" "$@"
}

# Flags every cluster submission shares: one ND4J/OpenBLAS thread per task on executors, tasks per
# executor = executor cores, the job's logging.
CLUSTER_CONF=(--conf spark.executorEnv.OMP_NUM_THREADS=1 --conf spark.executorEnv.OPENBLAS_NUM_THREADS=1
  --conf spark.task.cpus=1 --conf spark.ui.showConsoleProgress=false)

# The spec travels with --files (cluster deploy modes read it from there); extra KEY=VALUE overrides follow.
submit_sweep() {
  local spec="$1"
  shift
  spark_submit "${CLUSTER_CONF[@]}" --files "$spec" --class org.lrasweep.sweep.SweepMain "$JOB_JAR" run "$spec" "$@"
}
