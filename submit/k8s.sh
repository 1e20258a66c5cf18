#!/usr/bin/env bash
# submit/k8s.sh K8S_API_URL SPEC [KEY=VALUE...]: a sweep on Kubernetes (needs spark-submit of a Spark
# 4.1 distribution and an image with Java 17 and Spark 4.1; the job jar is fetched by the pods).
#   IMAGE=registry/spark:4.1.3-java17 JOB_JAR_URL=s3a://bucket/lra-sweep-job.jar \
#     submit/k8s.sh https://k8s.example:6443 conf/paper/temporal-order.conf output=s3a://bucket/sweeps/to
# Environment: IMAGE (required), JOB_JAR_URL (where pods fetch the job jar: s3a://, https://, or
# local:///path inside the image; default local:///opt/lra-sweep/lra-sweep-job.jar), NAMESPACE
# (default default), SERVICE_ACCOUNT (default spark), EXECUTORS (default 8), EXECUTOR_CORES (tasks per
# executor, default 4), EXECUTOR_MEMORY (default 4g), DRIVER_MEMORY (default 4g), DEPLOY_MODE (default cluster),
# UPLOAD_PATH (spark.kubernetes.file.upload.path: a folder both this machine and the pods reach, e.g.
# s3a://bucket/spark-uploads; required in cluster mode, where the spec travels to the driver pod
# through it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 2 || -z "${IMAGE:-}" ]]; then
  echo "usage: IMAGE=... submit/k8s.sh K8S_API_URL SPEC [KEY=VALUE...]" >&2
  exit 2
fi
api="$1"
shift
spec="$1"
shift
require_spark_distribution submit/k8s.sh
upload=()
if [[ "${DEPLOY_MODE:-cluster}" == cluster ]]; then
  if [[ -z "${UPLOAD_PATH:-}" ]]; then
    echo "error: in cluster mode the spec $spec travels to the driver pod with --files, which needs UPLOAD_PATH (spark.kubernetes.file.upload.path, e.g. s3a://bucket/spark-uploads)" >&2
    exit 2
  fi
  upload=(--conf spark.kubernetes.file.upload.path="$UPLOAD_PATH")
fi
ensure_built
_spark_submit --master "k8s://$api" --deploy-mode "${DEPLOY_MODE:-cluster}" \
  --conf spark.kubernetes.container.image="$IMAGE" \
  --conf spark.kubernetes.namespace="${NAMESPACE:-default}" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${SERVICE_ACCOUNT:-spark}" \
  --conf spark.executor.instances="${EXECUTORS:-8}" --executor-cores "${EXECUTOR_CORES:-4}" \
  --executor-memory "${EXECUTOR_MEMORY:-4g}" --driver-memory "${DRIVER_MEMORY:-4g}" \
  --conf spark.kubernetes.driverEnv.OMP_NUM_THREADS=1 "${CLUSTER_CONF[@]}" "${upload[@]}" \
  --files "$spec" --class org.lrasweep.sweep.SweepMain "${JOB_JAR_URL:-local:///opt/lra-sweep/lra-sweep-job.jar}" \
  run "$(basename "$spec")" "$@"
