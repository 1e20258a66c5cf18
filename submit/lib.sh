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
spark_submit() {
  if command -v spark-submit >/dev/null 2>&1; then
    spark-submit --driver-java-options "-Dlog4j2.configurationFile=file:$LOG4J_CONF" "$@"
  else
    java "${SPARK_JAVA_FLAGS[@]}" -Xmx"${DRIVER_MEMORY:-4g}" "-Dlog4j2.configurationFile=file:$LOG4J_CONF" \
      -cp "$(cat "$SPARK_CLASSPATH_FILE")" org.apache.spark.deploy.SparkSubmit "$@"
  fi
}
