#!/usr/bin/env bash
# docs/replication/regenerate.sh [DATA] [INTO] [DOCUMENT]: regenerates the replication study's
# tables and figures from its consolidated results alone (DATA, default docs/replication/data: the
# folder submit/consolidate.sh wrote from the study's outputs), without training. The report is
# computed in a scratch copy of DATA, so the committed data stays as it is; the summary,
# comparisons, allocation, gradient-flow, failure-length and guard-pair CSVs go to INTO/csv and
# the report (index.html with its PNG figures) to INTO/report (INTO defaults to docs/replication).
# The tables of DOCUMENT (default docs/replication.md when INTO is the default, none otherwise) are
# rewritten by tables.py.
#
# Needs Java 17 and Maven (the job) and /usr/bin/python3 with pandas (tables.py; Debian:
# apt-get install python3-pandas; submit/test.sh installs both). It checks them first and says in
# one line what is missing, writing nothing; it writes the new CSVs, report and document beside the
# old ones and swaps them in only once everything succeeded, and the report names DATA, not the
# scratch copy it was computed in.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-$here/data}"
into="${2:-$here}"
document="${3:-}"
if [[ $# -lt 2 ]]; then
  document="$root/docs/replication.md"
fi
missing=()
command -v java >/dev/null 2>&1 || missing+=("java (Debian: openjdk-17-jdk-headless)")
command -v mvn >/dev/null 2>&1 || missing+=("mvn (Debian: maven)")
if [[ -n "$document" ]] && ! /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1; then
  missing+=("pandas for /usr/bin/python3 (Debian: python3-pandas)")
fi
if ((${#missing[@]})); then
  echo "regenerate.sh: missing $(IFS=,; echo "${missing[*]}" | sed 's/,/, /g'); nothing written" >&2
  exit 2
fi
if [[ ! -d "$data/tables" ]]; then
  echo "regenerate.sh: $data holds no consolidated study (expected $data/tables, as submit/consolidate.sh writes it)" >&2
  exit 2
fi
data="$(cd "$data" && pwd)"
mkdir -p "$into"
into="$(cd "$into" && pwd)"
scratch="$(mktemp -d)"
fresh="$(mktemp -d "$into/.regenerate.XXXXXX")"
trap 'rm -rf "$scratch" "$fresh"' EXIT
cp -r "$data" "$scratch/study"
"$root/submit/report.sh" "$scratch/study"
mkdir -p "$fresh/csv" "$fresh/report"
for table in summary comparisons allocation gradient_flow failure_lengths guard_pairs; do
  if [[ -f "$scratch/study/csv/$table.csv" ]]; then
    cp "$scratch/study/csv/$table.csv" "$fresh/csv/$table.csv"
  fi
done
cp "$scratch/study/report/"* "$fresh/report/"
# The report's provenance names the folder it read: the data, as the reader knows it, not the scratch copy.
shown="${data#"$root"/}"
sed -i "s#file:$scratch/study#$shown#g; s#$scratch/study#$shown#g" "$fresh/report/index.html"
if [[ -n "$document" ]]; then
  cp "$document" "$fresh/document.md"
  /usr/bin/python3 -B "$here/tables.py" "$scratch/study/csv" "$fresh/document.md"
fi
# Everything succeeded: swap it in.
rm -rf "$into/report"
mv "$fresh/report" "$into/report"
mkdir -p "$into/csv"
for f in "$fresh/csv/"*.csv; do
  mv "$f" "$into/csv/"
done
if [[ -n "$document" ]]; then
  mv "$fresh/document.md" "$document"
fi
echo "regenerated $(ls "$into/csv" | wc -l) tables and $(ls "$into/report"/*.png | wc -l) figures into $into"
