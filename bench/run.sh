#!/usr/bin/env bash
# Side-by-side speed of the kernel, one thread, in one run on this machine (ratios are what count):
#   - the single-thread sgemm roof (OpenBLAS direct) and ND4J's mmul at the same shapes;
#   - BPTT ms/iteration (H = 100, B = 20, T = 20, 100, 200) against the same step in plain PyTorch
#     (Debian's python3-torch, eager, float32, one thread) on Debian's OpenBLAS, selected here with
#     update-alternatives (Debian's default libblas.so.3 is the slow reference BLAS);
#   - LRA released and local, alpha 0.1, K = 10, T = 10, 20, 50, against the authors' code figures;
#   - one 10,000-sequence evaluation.
# Run as root on Debian (installs python3-torch when missing). Prints a table; the raw JSON lines
# go to bench/last-run.jsonl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch libopenblas0-pthread
fi
openblas=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu | grep openblas | head -1)
[[ -n "$openblas" ]] || { echo "libopenblas0-pthread is not installed" >&2; exit 1; }
update-alternatives --set libblas.so.3-x86_64-linux-gnu "$openblas" >/dev/null
blas_in_use=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu | awk '/^Value:/ {print $2}')
out=bench/last-run.jsonl
: >"$out"
kernel() { submit/kernel "$@" 2>/dev/null | tee -a "$out"; }
field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

roof=$(kernel roof)
printf '\nsgemm roof, one thread: OpenBLAS direct %.1f GFLOP/s at %s^3, %.1f at 20x100*100x100; ND4J mmul %.1f and %.1f\n' \
  "$(field "$roof" openblas_gflops_square)" "$(field "$roof" square)" "$(field "$roof" openblas_gflops_step)" \
  "$(field "$roof" nd4j_mmul_gflops_square)" "$(field "$roof" nd4j_mmul_gflops_step)"
printf 'PyTorch %s on %s\n\n' "$(/usr/bin/python3 -c 'import torch; print(torch.__version__)')" "$blas_in_use"

printf '%-34s %12s %12s %10s %14s\n' "BPTT, H=100, B=20" "ours ms/it" "torch ms/it" "speed-up" "ours GFLOP/s"
for t in 20 100 200; do
  ours=$(kernel bench --algorithm bptt --length "$t" --iterations 300 --eval-repeats 1)
  torch=$(/usr/bin/python3 bench/torch_bptt.py --length "$t" --iterations 100 | tee -a "$out")
  o=$(field "$ours" ms_per_iteration)
  p=$(field "$torch" ms_per_iteration)
  printf '%-34s %12.3f %12.3f %9.2fx %14.1f\n' "T = $t" "$o" "$p" "$(echo "$p / $o" | bc -l)" "$(field "$ours" gflops)"
done

# The authors' code on OpenBLAS (issue 7): ms per iteration at alpha 0.1, T = 20 and 50.
declare -A authors=([20]=87 [50]=300)
printf '\n%-34s %12s %12s %10s\n' "LRA, alpha 0.1, K=10, H=100, B=20" "ours ms/it" "authors ms" "speed-up"
for variant in released local; do
  for t in 10 20 50; do
    ours=$(kernel bench --algorithm lra --variant "$variant" --alpha 0.1 --length "$t" --iterations 40 --warmup 5 --eval-repeats 1)
    o=$(field "$ours" ms_per_iteration)
    ref=${authors[$t]:-}
    if [[ -n "$ref" ]]; then
      printf '%-34s %12.2f %12s %9.1fx\n' "$variant, T = $t" "$o" "$ref" "$(echo "$ref / $o" | bc -l)"
    else
      printf '%-34s %12.2f %12s %10s\n' "$variant, T = $t" "$o" "-" "-"
    fi
  done
done
ev=$(kernel bench --algorithm bptt --length 20 --iterations 1 --warmup 0 --eval-repeats 3)
printf '\none 10,000-sequence evaluation, T = 20: %.0f ms\n' "$(field "$ev" eval_ms)"
