#!/usr/bin/env bash
# Side-by-side speed of the kernel, one thread, in one run on this machine (ratios are what count):
#   - the single-thread sgemm roof (OpenBLAS direct) and ND4J's mmul at the same shapes;
#   - BPTT ms/iteration (H = 100, B = 20, T = 20, 100, 200) against the same step in plain PyTorch
#     (Debian's python3-torch, eager, float32, one thread) on Debian's OpenBLAS, selected here with
#     update-alternatives (Debian's default libblas.so.3 is the slow reference BLAS), and the share
#     of the roof the step reaches;
#   - LRA released and local, alpha 0.1, K = 10, T = 10, 20, 50, against bench/torch_lra.py (a
#     PyTorch transcription of the spec) and the authors' code figures;
#   - one 10,000-sequence evaluation.
# Usage: bench/run.sh [--baseline GIT_REF]
#   --baseline builds the kernel of GIT_REF in a temporary worktree and times it in the same run,
#   in a "before" column: every optimization is measured before and after on the same machine.
# Run as root on Debian (installs python3-torch when missing). Prints a table; the raw JSON lines
# go to bench/last-run.jsonl. OPENBLAS_CORETYPE, when the machine sets it, is left as it is: both
# torch and the kernel then run the same OpenBLAS kernels.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
baseline_ref=""
if [[ $# -gt 0 ]]; then
  [[ "$1" == "--baseline" && $# -eq 2 ]] || { echo "usage: bench/run.sh [--baseline GIT_REF]" >&2; exit 2; }
  baseline_ref="$2"
  git rev-parse --verify --quiet "$baseline_ref^{commit}" >/dev/null \
    || { echo "bench/run.sh: --baseline $baseline_ref is not a commit of this repository" >&2; exit 2; }
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch libopenblas0-pthread
fi
openblas=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu | grep openblas | head -1)
[[ -n "$openblas" ]] || { echo "libopenblas0-pthread is not installed" >&2; exit 1; }
update-alternatives --set libblas.so.3-x86_64-linux-gnu "$openblas" >/dev/null
blas_in_use=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu | awk '/^Value:/ {print $2}')

base=""
if [[ -n "$baseline_ref" ]]; then
  base="$(mktemp -d /tmp/lra-bench-baseline.XXXXXX)"
  trap 'git -C "$root" worktree remove --force "$base" >/dev/null 2>&1 || true; rm -rf "$base"' EXIT
  git worktree add --detach --quiet "$base" "$baseline_ref"
  (cd "$base" && mvn -B -q -pl rnn-kernel -am package -DskipTests >&2)
fi

out=bench/last-run.jsonl
: >"$out"
kernel() { submit/kernel "$@" 2>/dev/null | tee -a "$out"; }
before() { if [[ -n "$base" ]]; then "$base/submit/kernel" "$@" 2>/dev/null; fi; }
field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
ms() { if [[ -n "$1" ]]; then printf '%.3f' "$(field "$1" ms_per_iteration)"; else printf -- '-'; fi; }
ratio() { if [[ -n "$1" && -n "$2" ]]; then printf '%.2fx' "$(echo "$1 / $2" | bc -l)"; else printf -- '-'; fi; }

roof=$(kernel roof)
roof_gflops=$(field "$roof" openblas_gflops_square)
printf '\nsgemm roof, one thread: OpenBLAS direct %.1f GFLOP/s at %s^3, %.1f at 20x100*100x100; ND4J mmul %.1f and %.1f\n' \
  "$roof_gflops" "$(field "$roof" square)" "$(field "$roof" openblas_gflops_step)" \
  "$(field "$roof" nd4j_mmul_gflops_square)" "$(field "$roof" nd4j_mmul_gflops_step)"
printf 'OpenBLAS core type: %s; PyTorch %s on %s\n' "${OPENBLAS_CORETYPE:-detected}" \
  "$(/usr/bin/python3 -c 'import torch; print(torch.__version__)')" "$blas_in_use"
[[ -n "$baseline_ref" ]] && printf 'before = %s (%s)\n' "$baseline_ref" "$(git rev-parse --short "$baseline_ref")"
echo

printf '%-22s %10s %10s %10s %9s %9s %9s %8s\n' "BPTT, H=100, B=20" "before ms" "ours ms" "torch ms" \
  "vs torch" "vs before" "GFLOP/s" "of roof"
for t in 20 100 200; do
  args=(bench --algorithm bptt --length "$t" --iterations $((12000 / t)) --warmup 100 --eval-repeats 1)
  old=$(before "${args[@]}")
  ours=$(kernel "${args[@]}")
  torch=$(/usr/bin/python3 bench/torch_bptt.py --length "$t" --iterations 100 | tee -a "$out")
  o=$(field "$ours" ms_per_iteration)
  g=$(field "$ours" gflops)
  printf '%-22s %10s %10s %10s %9s %9s %9.1f %7.0f%%\n' "T = $t" "$(ms "$old")" "$(ms "$ours")" "$(ms "$torch")" \
    "$(ratio "$(field "$torch" ms_per_iteration)" "$o")" "$(ratio "${old:+$(field "$old" ms_per_iteration)}" "$o")" \
    "$g" "$(echo "100 * $g / $roof_gflops" | bc -l)"
done

# LRA against bench/torch_lra.py (a PyTorch transcription of the spec in the authors' autograd
# style, same run, same BLAS) and against the authors' own code as issue 7 measured it on this
# machine type (ms per iteration at alpha 0.1, T = 20 and 50).
declare -A authors=([20]=87 [50]=300)
printf '\n%-22s %10s %10s %10s %9s %10s %10s %9s\n' "LRA, a=0.1, K=10" "before ms" "ours ms" "torch ms" "vs torch" \
  "authors ms" "vs authors" "vs before"
for variant in released local; do
  for t in 10 20 50; do
    args=(bench --algorithm lra --lra.variant "$variant" --lra.alpha 0.1 --length "$t" --iterations $((1000 / t)) --warmup 10
          --eval-repeats 1)
    old=$(before "${args[@]}")
    ours=$(kernel "${args[@]}")
    torch=$(/usr/bin/python3 bench/torch_lra.py --variant "$variant" --alpha 0.1 --length "$t" --iterations $((100 / t)) \
            --warmup 1 | tee -a "$out")
    o=$(field "$ours" ms_per_iteration)
    ref=${authors[$t]:-}
    printf '%-22s %10s %10s %10s %9s %10s %10s %9s\n' "$variant, T = $t" "$(ms "$old")" "$(ms "$ours")" "$(ms "$torch")" \
      "$(ratio "$(field "$torch" ms_per_iteration)" "$o")" "${ref:--}" "$(ratio "$ref" "$o")" \
      "$(ratio "${old:+$(field "$old" ms_per_iteration)}" "$o")"
  done
done
args=(bench --algorithm bptt --length 20 --iterations 1 --warmup 0 --eval-repeats 5)
old=$(before "${args[@]}")
ev=$(kernel "${args[@]}")
printf '\none 10,000-sequence evaluation, T = 20 (median of 5): %.0f ms' "$(field "$ev" eval_ms)"
[[ -n "$old" ]] && printf ' (before: %.0f ms)' "$(field "$old" eval_ms)"
echo
