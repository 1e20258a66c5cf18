#!/usr/bin/env bash
# Side-by-side speed of the kernel, one thread, in one run on this machine (ratios are what count):
#   - the single-thread sgemm roof (OpenBLAS direct) with the core OpenBLAS detects, against every
#     core type this CPU can run forced with OPENBLAS_CORETYPE (the detected one should be the best);
#   - BPTT ms/iteration (H = 100, B = 20, T = 20, 100, 200) against the same step in plain PyTorch
#     (Debian's python3-torch, eager, float32, one thread) on Debian's OpenBLAS, selected here with
#     update-alternatives (Debian's default libblas.so.3 is the slow reference BLAS);
#   - LRA released and local, alpha 0.1, K = 10, T = 10, 20, 50, against bench/torch_lra.py (a
#     PyTorch transcription of the spec) and the authors' code figures;
#   - for every training step, the FLOP rate of its matrix products and its share of the roof;
#   - one 10,000-sequence evaluation.
# Fairness: both sides run the best kernels their OpenBLAS has for this CPU. The kernel's OpenBLAS
# detects them (any OPENBLAS_CORETYPE in the environment is unset for it); Debian's older OpenBLAS may
# not know the CPU and fall back, so the PyTorch side runs with the core type (detected, or one this
# CPU supports forced through OPENBLAS_CORETYPE) under which its 20x100*100x100 product is fastest.
# Both cores are printed.
# Usage: bench/run.sh [--baseline GIT_REF]
#   --baseline builds the kernel of GIT_REF in a temporary worktree and times it in the same run,
#   in a "before" column: every optimization is measured before and after on the same machine.
# Run as root on Debian (installs python3-torch when missing). Prints a table; the raw JSON lines
# go to bench/last-run.jsonl.
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
machine_coretype="${OPENBLAS_CORETYPE:-}"
unset OPENBLAS_CORETYPE
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch libopenblas0-pthread
fi
openblas=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu | grep openblas | head -1)
[[ -n "$openblas" ]] || { echo "libopenblas0-pthread is not installed" >&2; exit 1; }
update-alternatives --set libblas.so.3-x86_64-linux-gnu "$openblas" >/dev/null
blas_in_use=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu | awk '/^Value:/ {print $2}')

# Core types this CPU can run: AVX2 kernels, AVX-512 ones where it has AVX-512, bf16 ones where it has those.
flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
candidates=()
[[ "$flags" == *" avx2 "* ]] && candidates+=(Haswell)
[[ "$flags" == *" avx512f "* ]] && candidates+=(SkylakeX)
[[ "$flags" == *" avx512_bf16 "* ]] && candidates+=(Cooperlake)
[[ "$flags" == *" amx_tile "* ]] && candidates+=(SapphireRapids)

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
# The baseline kernel; before the parameter model its options had other names (--variant, --alpha).
before() {
  [[ -n "$base" ]] || return 0
  local args=("$@")
  if ! "$base/submit/kernel" params >/dev/null 2>&1; then
    args=("${args[@]/#--lra.variant/--variant}")
    args=("${args[@]/#--lra.alpha/--alpha}")
  fi
  "$base/submit/kernel" "${args[@]}" 2>/dev/null
}
field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2]))" "$1" "$2"; }
ms() { if [[ -n "$1" ]]; then printf '%.3f' "$(field "$1" ms_per_iteration)"; else printf -- '-'; fi; }
ratio() { if [[ -n "$1" && -n "$2" ]]; then printf '%.2fx' "$(echo "$1 / $2" | bc -l)"; else printf -- '-'; fi; }
torch_core() { OPENBLAS_VERBOSE=2 /usr/bin/python3 -c 'import torch; torch.mm(torch.ones(20, 100), torch.ones(100, 100))' 2>&1 \
  | awk '/^Core:/ {print $2; exit}'; }
torch_step_gflops() { /usr/bin/python3 - <<'PY'
import time, torch
torch.set_num_threads(1)
a, b = torch.rand(20, 100), torch.rand(100, 100)
for _ in range(500):
    torch.mm(a, b)
n, t0 = 0, time.perf_counter()
while time.perf_counter() - t0 < 1.0:
    torch.mm(a, b)
    n += 1
print(2 * 20 * 100 * 100 * n / (time.perf_counter() - t0) / 1e9)
PY
}

roof=$(kernel roof)
roof_square=$(field "$roof" openblas_gflops_square)
roof_step=$(field "$roof" openblas_gflops_step)
# The roof a training step's FLOP rate is compared with: the better of the two shapes.
roof_best=$(echo "if ($roof_square > $roof_step) $roof_square else $roof_step" | bc -l)
printf '\nCPU: %s\n' "$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
[[ -n "$machine_coretype" ]] && printf '(this machine sets OPENBLAS_CORETYPE=%s; unset here so that each OpenBLAS detects)\n' "$machine_coretype"
printf 'sgemm roof, one thread, the kernel'"'"'s OpenBLAS (%s detected): %.1f GFLOP/s at %s^3, %.1f at 20x100*100x100; ND4J mmul %.1f and %.1f\n' \
  "$(field "$roof" blas_core)" "$roof_square" "$(field "$roof" square)" "$roof_step" \
  "$(field "$roof" nd4j_mmul_gflops_square)" "$(field "$roof" nd4j_mmul_gflops_step)"
for core in "${candidates[@]}"; do
  forced=$(OPENBLAS_CORETYPE=$core submit/kernel roof 2>/dev/null | tee -a "$out")
  printf '  forced %-14s %6.1f and %6.1f GFLOP/s: detected is %s and %s of it\n' "$core" \
    "$(field "$forced" openblas_gflops_square)" "$(field "$forced" openblas_gflops_step)" \
    "$(ratio "$roof_square" "$(field "$forced" openblas_gflops_square)")" "$(ratio "$roof_step" "$(field "$forced" openblas_gflops_step)")"
done

# PyTorch's side: the fastest of its detected core and the forced ones at the step's shape.
torch_coretype=""
best=$(torch_step_gflops)
detected_torch=$(torch_core)
for core in "${candidates[@]}"; do
  g=$(OPENBLAS_CORETYPE=$core torch_step_gflops)
  if (( $(echo "$g > 1.1 * $best" | bc -l) )); then best=$g; torch_coretype=$core; fi
done
if [[ -n "$torch_coretype" ]]; then export OPENBLAS_CORETYPE=$torch_coretype; fi
printf 'PyTorch %s on %s: core %s%s, %.1f GFLOP/s at 20x100*100x100\n' \
  "$(/usr/bin/python3 -c 'import torch; print(torch.__version__)')" "$blas_in_use" "$(torch_core)" \
  "$([[ -n "$torch_coretype" ]] && echo " (forced; it detects $detected_torch)" || echo " (detected)")" "$best"
torch_run() { /usr/bin/python3 "$@" | tee -a "$out"; }
kernel_run() { (unset OPENBLAS_CORETYPE; submit/kernel "$@" 2>/dev/null | tee -a "$out"); }
kernel_before() { (unset OPENBLAS_CORETYPE; before "$@"); }
[[ -n "$baseline_ref" ]] && printf 'before = %s (%s)\n' "$baseline_ref" "$(git rev-parse --short "$baseline_ref")"
echo

printf '%-22s %10s %10s %10s %9s %9s %9s %8s\n' "BPTT, H=100, B=20" "before ms" "ours ms" "torch ms" \
  "vs torch" "vs before" "GFLOP/s" "of roof"
for t in 20 100 200; do
  args=(bench --algorithm bptt --length "$t" --iterations $((12000 / t)) --warmup 100 --eval-repeats 1)
  old=$(kernel_before "${args[@]}")
  ours=$(kernel_run "${args[@]}")
  torch=$(torch_run bench/torch_bptt.py --length "$t" --iterations 100)
  o=$(field "$ours" ms_per_iteration)
  g=$(field "$ours" gflops)
  printf '%-22s %10s %10s %10s %9s %9s %9.1f %7.0f%%\n' "T = $t" "$(ms "$old")" "$(ms "$ours")" "$(ms "$torch")" \
    "$(ratio "$(field "$torch" ms_per_iteration)" "$o")" "$(ratio "${old:+$(field "$old" ms_per_iteration)}" "$o")" \
    "$g" "$(echo "100 * $g / $roof_best" | bc -l)"
done

# LRA against bench/torch_lra.py (a PyTorch transcription of the spec in the authors' autograd
# style, same run, same BLAS) and against the authors' own code as issue 7 measured it on the
# development machine type (ms per iteration at alpha 0.1, T = 20 and 50).
declare -A authors=([20]=87 [50]=300)
printf '\n%-22s %10s %10s %10s %9s %10s %10s %9s %9s %8s\n' "LRA, a=0.1, K=10" "before ms" "ours ms" "torch ms" "vs torch" \
  "authors ms" "vs authors" "vs before" "GFLOP/s" "of roof"
for variant in released local; do
  for t in 10 20 50; do
    args=(bench --algorithm lra --lra.variant "$variant" --lra.alpha 0.1 --length "$t" --iterations $((1000 / t)) --warmup 10
          --eval-repeats 1)
    old=$(kernel_before "${args[@]}")
    ours=$(kernel_run "${args[@]}")
    torch=$(torch_run bench/torch_lra.py --variant "$variant" --alpha 0.1 --length "$t" --iterations $((100 / t)) --warmup 1)
    o=$(field "$ours" ms_per_iteration)
    g=$(field "$ours" gflops)
    ref=${authors[$t]:-}
    printf '%-22s %10s %10s %10s %9s %10s %10s %9s %9.1f %7.0f%%\n' "$variant, T = $t" "$(ms "$old")" "$(ms "$ours")" \
      "$(ms "$torch")" "$(ratio "$(field "$torch" ms_per_iteration)" "$o")" "${ref:--}" "$(ratio "$ref" "$o")" \
      "$(ratio "${old:+$(field "$old" ms_per_iteration)}" "$o")" "$g" "$(echo "100 * $g / $roof_best" | bc -l)"
  done
done
args=(bench --algorithm bptt --length 20 --iterations 1 --warmup 0 --eval-repeats 5)
old=$(kernel_before "${args[@]}")
ev=$(kernel_run "${args[@]}")
printf '\none 10,000-sequence evaluation, T = 20 (median of 5): %.0f ms' "$(field "$ev" eval_ms)"
[[ -n "$old" ]] && printf ' (before: %.0f ms)' "$(field "$old" eval_ms)"
echo
