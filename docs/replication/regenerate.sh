#!/usr/bin/env bash
# docs/replication/regenerate.sh [DATA] [INTO] [DOCUMENT]: regenerates the replication study's
# tables and figures from its consolidated results alone (DATA, default docs/replication/data: the
# folder submit/consolidate.sh wrote from the study's outputs), without training. The report is
# computed in a scratch copy of DATA, so the committed data stays as it is; the summary,
# comparisons and allocation CSVs go to INTO/csv and the report (index.html with its PNG figures)
# to INTO/report (INTO defaults to docs/replication). The tables of DOCUMENT (default
# docs/replication.md when INTO is the default, none otherwise) are rewritten by tables.py.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-$here/data}"
into="${2:-$here}"
document="${3:-}"
if [[ $# -lt 2 ]]; then
  document="$root/docs/replication.md"
fi
if [[ ! -d "$data/tables" ]]; then
  echo "regenerate.sh: $data holds no consolidated study (expected $data/tables, as submit/consolidate.sh writes it)" >&2
  exit 2
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -r "$data" "$scratch/study"
"$root/submit/report.sh" "$scratch/study"
rm -rf "$into/report"
mkdir -p "$into/csv" "$into/report"
for table in summary comparisons allocation; do
  if [[ -f "$scratch/study/csv/$table.csv" ]]; then
    cp "$scratch/study/csv/$table.csv" "$into/csv/$table.csv"
  fi
done
cp "$scratch/study/report/"* "$into/report/"
if [[ -n "$document" ]]; then
  /usr/bin/python3 -B "$here/tables.py" "$scratch/study/csv" "$document"
fi
echo "regenerated $(ls "$into/csv" | wc -l) tables and $(ls "$into/report"/*.png | wc -l) figures into $into"
