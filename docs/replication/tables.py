#!/usr/bin/python3
"""The replication document's tables, from the CSVs `submit/report.sh` writes for the consolidated
study (summary, comparisons, trials, gradient_profiles, allocation).

    docs/replication/tables.py CSV_DIR DOCUMENT

Rewrites every block of DOCUMENT between `<!-- table:NAME -->` and `<!-- /table -->` with the table
NAME computes; the prose around them is left as it is. docs/replication/regenerate.sh calls it, so
that every number in the tables comes from the committed trials table, never from a hand copy.
"""
import math
import os
import re
import sys

import pandas as pd

GROUPS = [("bptt", False, "BPTT"), ("bptt", True, "BPTT + reg"), ("lra-released", False, "LRA released"),
          ("lra-released", True, "LRA released + reg"), ("lra-local", False, "LRA local"), ("lra-local", True, "LRA local + reg")]


# The paper's order of the tasks; a task not listed (adding) comes after them.
TASKS = ["temporal-order", "temporal-order-3bit", "random-permutation"]


def rank(series, order):
    """Each value's place in order; values not in it come after those that are."""
    return series.map(lambda v: order.index(v) if v in order else len(order))


def in_paper_order(frame, *columns):
    """frame sorted by task in the paper's order, then by columns."""
    return frame.assign(task_rank=rank(frame["task"], TASKS)).sort_values(["task_rank", *columns]).drop(columns="task_rank")


def group_name(key, regularized):
    """The name of a method group in the tables, e.g. "LRA released + reg"."""
    return next(name for k, reg, name in GROUPS if k == key and reg == regularized)


def method_key(row):
    if row["algorithm"] == "bptt":
        return "bptt"
    return "lra-" + str(row["lra_variant"])


def alpha(row):
    return row["bptt_alpha"] if row["algorithm"] == "bptt" else row["lra_alpha"]


def settings(row):
    """The tuned settings of a configuration, as a short text."""
    if row["algorithm"] == "bptt":
        return f"eta {g(row['bptt_learning_rate'])}, alpha {g(row['bptt_alpha'])}"
    return f"eta {g(row['lra_learning_rate'])}, beta {g(row['lra_beta'])}, alpha {g(row['lra_alpha'])}"


def g(x):
    return f"{x:g}"


def rate(solved, n, low, high):
    return f"{int(solved)}/{int(n)} = {solved / n:.2f} [{low:.2f}, {high:.2f}]"


def iterations(x):
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:,.0f}"


def p_value(p):
    return f"{p:.2g}" if p >= 1e-3 else f"{p:.1e}"


def markdown(frame):
    header = "| " + " | ".join(frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    rows = ["| " + " | ".join(str(v) for v in r) + " |" for r in frame.itertuples(index=False)]
    return "\n".join([header, rule] + rows)


def grouped(rows):
    """The rows with their group: method key (bptt, lra-released, lra-local) and regularized (alpha > 0)."""
    if rows.empty:
        return rows.assign(key=pd.Series(dtype=str), regularized=pd.Series(dtype=bool))
    return rows.assign(key=rows.apply(method_key, axis=1), regularized=rows.apply(alpha, axis=1) > 0)


def winners(summary):
    return grouped(summary[summary["winner"] == True])  # noqa: E712 (a pandas mask)


def headline(csv):
    """Per task and length, each group winner's success rate on its 20 fresh seeds."""
    w = winners(csv["summary"])
    rows = []
    for (task, length), panel in in_paper_order(w, "length").groupby(["task", "length"], sort=False):
        for key, reg, name in GROUPS:
            r = panel[(panel["key"] == key) & (panel["regularized"] == reg)]
            if r.empty:
                continue
            r = r.iloc[0]
            rows.append([task, int(length), name, settings(r),
                         rate(r["confirmation_solved"], r["confirmation_trials"], r["confirmation_ci_low"], r["confirmation_ci_high"]),
                         iterations(r["confirmation_median_iterations_to_solve"])])
    return markdown(pd.DataFrame(rows, columns=["task", "T", "method", "winner's settings", "solved on fresh seeds [95% Wilson]",
                                                "median iterations to solve"]))


def fixed_grid(summary):
    """The configurations of fixed grids beside the selection (a long length, a budget check), clipping twins left out."""
    return grouped(summary[summary["selection_decision"].isna() & (summary["lra_normalize"].fillna("clip") == "clip")])


def fixed(csv):
    """Fixed-grid configurations (the long length, the budget check): every configuration with its own rate."""
    s = fixed_grid(csv["summary"])
    rows = []
    for _, r in in_paper_order(s, "length", "method", "label").iterrows():
        rows.append([r["task"], int(r["length"]), f"{int(r['max_iterations']):,} / {int(r['patience'])}", r["method"],
                     settings(r), rate(r["solved"], r["trials"] - r["failed"], r["success_ci_low"], r["success_ci_high"]),
                     iterations(r["median_iterations_to_solve"]), f"{r['mean_best_accuracy']:.4f}"])
    return markdown(pd.DataFrame(rows, columns=["task", "T", "iterations / patience", "method", "settings", "solved [95% Wilson]",
                                                "median iterations to solve", "mean best accuracy"]))


def comparisons(csv, family, extra=None):
    """One family's comparisons; extra, a (column, function of the comparison row), adds a column."""
    c = csv["comparisons"]
    c = c[c["family"] == family]
    rows = []
    for _, r in in_paper_order(c, "length", "a_method", "b_method").iterrows():
        rows.append([r["task"], int(r["length"]), r["a_label"], f"{int(r['a_solved'])}/{int(r['a_trials'])}", r["b_label"],
                     f"{int(r['b_solved'])}/{int(r['b_trials'])}",
                     f"{r['difference']:+.2f} [{r['difference_ci_low']:+.2f}, {r['difference_ci_high']:+.2f}]",
                     p_value(r["fisher_p"]), p_value(r["fisher_p_holm"])] + ([extra[1](r)] if extra else []))
    return markdown(pd.DataFrame(rows, columns=["task", "T", "a", "a solved", "b", "b solved", "difference [95% Newcombe]",
                                                "Fisher p", "Holm p"] + ([extra[0]] if extra else [])))


def gradient_flow(csv):
    """Per LRA winner, and per fixed-grid LRA configuration at a length without winners (the long length), how
    much smaller an early step's update is than the last step's, at the first check (median over the
    configuration's selection or grid seeds). A budget check repeats a winner's settings, so it adds no row."""
    s = csv["summary"]
    w = winners(s)
    grid = fixed_grid(s)
    tuned = set(zip(w["task"], w["length"]))
    grid = grid[[(task, length) not in tuned for task, length in zip(grid["task"], grid["length"])]]
    parts = [x for x in (w, grid) if not x.empty]
    w = pd.concat(parts) if parts else w
    p = csv["gradient_profiles"]
    # The profile at each trial's first check (before learning shaped the weights); tables of version 1
    # had no check column and held the first check only.
    if "check" in p.columns:
        p = p[p["check"] == "first"]
    rows = []
    for _, r in in_paper_order(w[w["algorithm"] == "lra"], "length", "key", "regularized").iterrows():
        prof = p[p["config_id"] == r["config_id"]].set_index("step")
        if prof.empty:
            continue
        last = prof.index.max()
        middle = (last + 1) // 2
        # Step 1 is the earliest step both variants update (released never updates step 0, and W_hh's
        # update at step 0 multiplies the zero initial state).
        ratios = [prof.loc[1, "median_whh_norm"] / prof.loc[last, "median_whh_norm"],
                  prof.loc[middle, "median_whh_norm"] / prof.loc[last, "median_whh_norm"],
                  prof.loc[1, "median_wxh_norm"] / prof.loc[last, "median_wxh_norm"]]
        rows.append([r["task"], int(r["length"]), group_name(r["key"], r["regularized"]), settings(r)] + [f"{x:.1e}" for x in ratios]
                    + [f"{r['median_omega_zero_events']:g}"])
    return markdown(pd.DataFrame(rows, columns=["task", "T", "method", "settings", "W_hh update, step 1 / last",
                                                "W_hh update, step T/2 / last", "W_xh update, step 1 / last",
                                                "median Omega zero-signal events"]))


def budget(csv):
    """How the LRA winners' unsolved confirmation trials ended: still improving at the budget, or stuck."""
    t = csv["trials"]
    w = winners(csv["summary"])
    t = grouped(t[(t["stage"] == "confirmation") & (t["algorithm"] == "lra") & t["config_id"].isin(w["config_id"])])
    rows = []
    for (task, length, key, reg), trials in in_paper_order(t, "length", "key", "regularized").groupby(
            ["task", "length", "key", "regularized"], sort=False):
        unsolved = trials[trials["status"] != "solved"]
        at_budget = unsolved[unsolved["status"] == "max-iterations"]
        late = at_budget[at_budget["best_iteration"] > 0.8 * at_budget["max_iterations"]]
        rows.append([task, int(length), group_name(key, reg), len(trials), int((trials["status"] == "solved").sum()),
                     int((unsolved["status"] == "plateaued").sum()), len(at_budget), len(late),
                     "–" if unsolved.empty else f"{unsolved['best_accuracy'].median():.4f}"])
    return markdown(pd.DataFrame(rows, columns=["task", "T", "method", "trials", "solved", "plateaued",
                                                "at the budget", "of which best in the last 20%", "median best accuracy unsolved"]))


# The study's stages in the order they run.
STAGES = ["selection", "confirmation", "fixed grid", "clipping twins"]


def compute(csv):
    """Core-hours by task and stage, from every trial's wall time."""
    t = csv["trials"].copy()
    t["part"] = t["stage"].where(~((t["stage"] == "grid") & (t["lra_normalize"].fillna("clip") == "off")), "clipping twins")
    t["part"] = t["part"].replace({"grid": "fixed grid"})
    hours = t.groupby(["task", "part"]).agg(trials=("trial_id", "size"), core_hours=("wall_seconds", "sum"))
    hours["core_hours"] = hours["core_hours"] / 3600
    hours = hours.reset_index()
    hours["part_rank"] = rank(hours["part"], STAGES)
    hours = in_paper_order(hours, "part_rank")
    rows = [[r["task"], r["part"], int(r["trials"]), f"{r['core_hours']:.2f}"] for _, r in hours.iterrows()]
    rows.append(["all", "all", int(hours["trials"].sum()), f"{hours['core_hours'].sum():.2f}"])
    return markdown(pd.DataFrame(rows, columns=["task", "stage", "trials", "core-hours"]))


def selection(csv):
    """What the adaptive design ran against the whole pool for every configuration."""
    a = csv["allocation"]
    if a.empty:
        return "(no adaptive selection)"
    last = a.sort_values("wave").groupby("config_id").tail(1).copy()
    last["task"] = last["group"].str.extract(r"task=([^,]+)")[0]
    rows = []
    for task, g in in_paper_order(last).groupby("task", sort=False):
        run = int(g["seeds_run"].sum())
        full = int(g["pool"].sum())
        rows.append([task, len(g), int(g["pool"].max()), run, full, f"{1 - run / full:.0%}",
                     int((g["decision"] == "dominated").sum()), int((g["decision"] == "precise").sum())])
    return markdown(pd.DataFrame(rows, columns=["task", "configurations", "pool", "selection trials run", "whole pool",
                                                "saved", "stopped as dominated", "stopped as precise"]))


def clipping(csv):
    """Each winner against its normalize = off twin, with how many of their shared seeds ran identically."""
    t = csv["trials"]
    outcome = ["seed", "status", "iterations", "best_accuracy", "final_test_loss"]

    def identical(r):
        off = t[t["config_id"] == r["a_config_id"]][outcome]
        clip = t[(t["config_id"] == r["b_config_id"]) & (t["stage"] == "confirmation")][outcome]
        pairs = off.merge(clip, on="seed", suffixes=("_off", "_clip"))
        same = sum(all(p[f"{k}_off"] == p[f"{k}_clip"] for k in outcome[1:]) for _, p in pairs.iterrows())
        return f"{same}/{len(pairs)}"

    return comparisons(csv, "unclipped-vs-clipped", ("seeds with identical runs", identical))


TABLES = {
    "headline": headline,
    "fixed": fixed,
    "regularized": lambda csv: comparisons(csv, "regularized-vs-unregularized"),
    "vs-bptt": lambda csv: comparisons(csv, "lra-vs-bptt"),
    "released-vs-local": lambda csv: comparisons(csv, "released-vs-local"),
    "clipping": clipping,
    "gradient-flow": gradient_flow,
    "budget": budget,
    "compute": compute,
    "selection": selection,
}


def main(csv_dir, document):
    if not os.path.isfile(document):
        sys.exit(f"tables.py: {document}: not found")
    if not os.path.isfile(f"{csv_dir}/summary.csv"):
        sys.exit(f"tables.py: {csv_dir}: no summary.csv (give the csv folder submit/report.sh wrote)")
    csv = {}
    for name in ["summary", "comparisons", "trials", "gradient_profiles", "allocation"]:
        try:
            csv[name] = pd.read_csv(f"{csv_dir}/{name}.csv")
        except FileNotFoundError:
            csv[name] = pd.DataFrame()
    with open(document) as f:
        text = f.read()
    unknown = set(re.findall(r"<!-- table:([\w-]+) -->", text)) - TABLES.keys()
    if unknown:
        sys.exit(f"tables.py: {document}: unknown table(s) {', '.join(sorted(unknown))} (known: {', '.join(TABLES)})")

    def fill(m):
        return f"<!-- table:{m.group(1)} -->\n{TABLES[m.group(1)](csv)}\n<!-- /table -->"

    text, n = re.subn(r"<!-- table:([\w-]+) -->.*?<!-- /table -->", fill, text, flags=re.S)
    with open(document, "w") as f:
        f.write(text)
    print(f"tables.py: {n} tables written into {document}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: docs/replication/tables.py CSV_DIR DOCUMENT")
    main(sys.argv[1], sys.argv[2])
