#!/usr/bin/env bash
# The project's tests. Installs the Debian packages they need when missing (as root: a JDK and
# Maven, Chromium for the report test, Jupyter, pandas and matplotlib for the notebook), runs every
# Maven test, then executes notebooks/analysis.ipynb on the sweep output the tests left in
# sweep-job/target/test-sweep (the executed copy goes to sweep-job/target/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

packages=()
command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless maven)
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
[[ -x /usr/bin/jupyter-nbconvert ]] || packages+=(jupyter-nbconvert)
/usr/bin/python3 -c "import ipykernel, pandas, matplotlib" >/dev/null 2>&1 || packages+=(python3-ipykernel python3-pandas python3-matplotlib)
fc-list 2>/dev/null | grep -q . || packages+=(fontconfig fonts-dejavu-core)
if ((${#packages[@]})); then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing: ${packages[*]}" >&2
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
  else
    echo "missing: ${packages[*]} (Debian: sudo apt-get install ${packages[*]})" >&2
    exit 1
  fi
fi

export OMP_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1
mvn -B -ntp verify

LRA_SWEEP_OUTPUT="$root/sweep-job/target/test-sweep" /usr/bin/jupyter nbconvert --to notebook --execute \
  notebooks/analysis.ipynb --output-dir sweep-job/target --output analysis-executed
echo "notebook executed: sweep-job/target/analysis-executed.ipynb"
