# Shared by the submit/ scripts: building the job when needed, and spark-submit with or without
# a Spark distribution (SparkSubmit is an ordinary main class of the Maven-resolved Spark jars).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOB_JAR="$root/sweep-job/target/lra-sweep-job.jar"
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

# Builds the job jar and Spark classpath when missing or older than the sources.
ensure_built() {
  if [[ ! -f "$JOB_JAR" || ! -f "$SPARK_CLASSPATH_FILE" ]] \
     || [[ -n "$(find "$root/rnn-kernel/src/main" "$root/sweep-job/src/main" "$root/pom.xml" "$root/rnn-kernel/pom.xml" \
                 "$root/sweep-job/pom.xml" -newer "$JOB_JAR" -print -quit)" ]]; then
    echo "building the job (mvn package) ..." >&2
    (cd "$root" && mvn -B -q -ntp package -DskipTests >&2)
  fi
}

# spark-submit ARGS...: the distribution's when on PATH, else SparkSubmit from the Maven-resolved jars.
_spark_submit() {
  if command -v spark-submit >/dev/null 2>&1; then
    spark-submit --driver-java-options "-Dlog4j2.configurationFile=file:$LOG4J_CONF" "$@"
  else
    java "${SPARK_JAVA_FLAGS[@]}" -Xmx"${DRIVER_MEMORY:-4g}" "-Dlog4j2.configurationFile=file:$LOG4J_CONF" \
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
    tr ':' '\n' < "$SPARK_CLASSPATH_FILE" | while read -r jar; do ln -s "$jar" "$SPARK_HOME/jars/"; done
  fi
}

spark_submit() { _spark_submit "$@"; }

# run_local DEFAULT_CORES JOB_ARGS...: the job in Spark local mode (LOCAL_CORES overrides the
# cores), one ND4J thread per task, built first when needed.
run_local() {
  local cores="$1"
  shift
  ensure_built
  export OMP_NUM_THREADS=1 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  spark_submit --master "local[${LOCAL_CORES:-$cores}]" --conf spark.ui.showConsoleProgress=false \
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
