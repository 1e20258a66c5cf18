#!/usr/bin/env bash
# docs/replication/regenerate.sh [DATA INTO [DOCUMENT [DATA2 INTO2]]]: regenerates the replication
# studies' tables and figures from its consolidated results alone (DATA, default docs/replication/data: the
# folder submit/consolidate.sh wrote from the study's outputs), without training. The report is
# computed in a scratch copy of DATA, so the committed data stays as it is; the summary,
# comparisons, allocation, gradient-flow, failure-length and guard-pair CSVs go to INTO/csv and
# the report (index.html with its PNG figures) to INTO/report (INTO defaults to docs/replication).
# The tables of DOCUMENT (default docs/replication.md when INTO is the default, none otherwise) are
# rewritten by tables.py. Study II (docs/replication/protocol.md) is regenerated the same way from
# DATA2 into INTO2 (defaults, with no arguments: docs/replication/data-2 into
# docs/replication/study-2, once data-2 exists), and DOCUMENT's study II tables from its CSVs.
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
data2="${4:-}"
into2="${5:-}"
if [[ $# -lt 2 ]]; then
  document="$root/docs/replication.md"
  if [[ -d "$here/data-2/tables" ]]; then
    data2="$here/data-2"
    into2="$here/study-2"
  fi
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
if [[ -n "$data2" && -z "$into2" ]]; then
  echo "regenerate.sh: DATA2 $data2 given without INTO2; nothing written" >&2
  exit 2
fi
for d in "$data" ${data2:+"$data2"}; do
  if [[ ! -d "$d/tables" ]]; then
    echo "regenerate.sh: $d holds no consolidated study (expected $d/tables, as submit/consolidate.sh writes it)" >&2
    exit 2
  fi
done
scratch="$(mktemp -d)"
fresh=()
trap 'rm -rf "$scratch" "${fresh[@]}"' EXIT

# fresh INTO: a new folder beside INTO (made if missing) for its regenerated files, removed on exit unless swapped in.
fresh() {
  mkdir -p "$1"
  fresh+=("$(mktemp -d "$1/.regenerate.XXXXXX")")
}

# report DATA NEW NAME: the report of DATA, computed in $scratch/NAME, its CSVs and figures copied into NEW,
# with the provenance naming DATA.
report() {
  local data="$(cd "$1" && pwd)" new="$2" name="$3" shown
  cp -r "$data" "$scratch/$name"
  "$root/submit/report.sh" "$scratch/$name"
  mkdir -p "$new/csv" "$new/report"
  for table in summary comparisons allocation gradient_flow failure_lengths guard_pairs; do
    if [[ -f "$scratch/$name/csv/$table.csv" ]]; then
      cp "$scratch/$name/csv/$table.csv" "$new/csv/$table.csv"
    fi
  done
  cp "$scratch/$name/report/"* "$new/report/"
  # The report's provenance names the folder it read: the data, as the reader knows it, not the scratch copy.
  shown="${data#"$root"/}"
  sed -i "s#file:$scratch/$name#$shown#g; s#$scratch/$name#$shown#g" "$new/report/index.html"
}

# swap NEW INTO: NEW's csv files and report replace INTO's.
swap() {
  rm -rf "$2/report"
  mv "$1/report" "$2/report"
  mkdir -p "$2/csv"
  for f in "$1/csv/"*.csv; do
    mv "$f" "$2/csv/"
  done
  echo "regenerated $(ls "$2/csv" | wc -l) tables and $(ls "$2/report"/*.png | wc -l) figures into $(cd "$2" && pwd)"
}

fresh "$into"
new="${fresh[0]}"
report "$data" "$new" study
new2=""
if [[ -n "$data2" ]]; then
  fresh "$into2"
  new2="${fresh[1]}"
  report "$data2" "$new2" study-2
fi
if [[ -n "$document" ]]; then
  cp "$document" "$new/document.md"
  /usr/bin/python3 -B "$here/tables.py" "$scratch/study/csv" "$new/document.md" ${data2:+"$scratch/study-2/csv"}
fi
# Everything succeeded: swap it in.
swap "$new" "$into"
if [[ -n "$new2" ]]; then
  swap "$new2" "$into2"
fi
if [[ -n "$document" ]]; then
  mv "$new/document.md" "$document"
fi
