#!/usr/bin/env python3
"""compare-trials.py REFERENCE_CSV OTHER_CSV: exit 0 when OTHER holds the same trials as REFERENCE
(csv/trials.csv of two outputs), each trial id once, equal in every column that a trial's parameters
and seed decide; otherwise one line saying how they differ, exit 1. The cluster tests compare a
cluster's sweep with the same spec in local mode this way."""
import csv, sys
cols = ["trial_id", "config_id", "task", "length", "seed", "algorithm", "hidden", "batch", "test_size", "check_every",
        "patience", "max_iterations", "bptt_learning_rate", "bptt_clip", "bptt_alpha", "lra_variant", "lra_learning_rate",
        "lra_beta", "lra_k", "lra_c", "lra_alpha", "status", "iterations", "solved_at", "best_accuracy", "final_accuracy",
        "final_test_loss", "omega_zero_events"]
def load(path):
    rows = list(csv.DictReader(open(path)))
    ids = [r["trial_id"] for r in rows]
    if len(ids) != len(set(ids)):
        sys.exit(f"duplicate trial ids in {path}")
    return {r["trial_id"]: tuple(r[c] for c in cols) for r in rows}
local, cluster = load(sys.argv[1]), load(sys.argv[2])
if local != cluster:
    diff = [k for k in set(local) | set(cluster) if local.get(k) != cluster.get(k)]
    sys.exit(f"{len(diff)} trials differ from local mode, e.g. {diff[:3]}")
print(f"{len(cluster)} trials, each id once, identical to local mode in {len(cols)} columns")
