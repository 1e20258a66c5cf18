#!/usr/bin/python3
"""The replication document's tables, from the CSVs `submit/report.sh` writes for each consolidated
study (study I: summary, comparisons, trials, gradient_profiles, allocation; study II: summary,
comparisons, trials, gradient_flow, failure_lengths, guard_pairs).

    docs/replication/tables.py CSV_DIR DOCUMENT [STUDY2_CSV_DIR]

Rewrites every block of DOCUMENT between `<!-- table:NAME -->` and `<!-- /table -->` with the study I
table NAME computes, and, given STUDY2_CSV_DIR, every block between `<!-- study2:NAME -->` and
`<!-- /table -->` with that study II table; the prose around them is left as it is. docs/replication/regenerate.sh calls it, so
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


# Study II (docs/replication/protocol.md): tables from its consolidated output's CSVs, beside study I's.

THRESHOLDS = ["1e-03", "1e-02"]


def interval(x, low, high, digits=2):
    return f"{x:+.{digits}f} [{low:+.{digits}f}, {high:+.{digits}f}]"


def mistakes(x):
    """A count statistic (median or quartile of mistakes): whole numbers as they are, the halves and
    quarters that medians and quartiles of counts take to two decimals, never rounded to a whole
    number (0.5 mistakes printed as 0 would read as solved)."""
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def quartiles(median, q1, q3):
    if pd.isna(median):
        return "–"
    return f"{mistakes(median)} [{mistakes(q1)}, {mistakes(q3)}]"


def cells(summary):
    """Part A and B: every guarded configuration at T <= 20, with its method group."""
    s = summary[(summary["length"] <= 20) & (summary["lra_omega_guard"].fillna("on") == "on")]
    return grouped(s)


def study_one_rate(csv, r):
    """The first study's confirmed rate of the same settings (its winners, 5,000 iterations, patience 10), if it ran them."""
    s1 = csv.get("study1_summary")
    if s1 is None or s1.empty:
        return "–"
    keys = ["task", "length", "algorithm", "bptt_learning_rate", "bptt_alpha", "lra_variant", "lra_learning_rate", "lra_beta",
            "lra_alpha", "lra_normalize"]
    m = s1[(s1["winner"] == True) & (s1["lra_normalize"].fillna("clip") == "clip")]  # noqa: E712 (a pandas mask)
    for k in keys:
        m = m[(m[k] == r[k]) | (m[k].isna() & pd.isna(r[k]))]
    if m.empty:
        return "–"
    m = m.iloc[0]
    return f"{int(m['confirmation_solved'])}/{int(m['confirmation_trials'])}"


def s2_rates(csv):
    """Each configuration of parts A and B at the reference protocol: both outcomes, the thresholds, how runs ended."""
    s = cells(csv["summary"])
    rows = []
    for _, r in in_paper_order(s, "length", "key", "regularized", "label").iterrows():
        n = r["trials"] - r["failed"]
        rows.append([r["task"], int(r["length"]), group_name(r["key"], r["regularized"]), settings(r),
                     rate(r["solved"], n, r["success_ci_low"], r["success_ci_high"]),
                     quartiles(r["median_best_mistakes"], r["q1_best_mistakes"], r["q3_best_mistakes"]),
                     " / ".join(f"{int(r['reached_' + t])}" for t in THRESHOLDS),
                     f"{int(r['plateaued'])} / {int(r['trials_at_budget'])} / {int(r['diverged'])}",
                     iterations(r["median_iterations_to_solve"]),
                     f"{int(r['guard_trials'])}/{int(n)}" if r["algorithm"] == "lra" and r["lra_alpha"] > 0 else "",
                     study_one_rate(csv, r)])
    return markdown(pd.DataFrame(rows, columns=["task", "T", "method", "settings", "solved [95% Wilson]",
                                                "best mistakes: median [Q1, Q3]", "reached 1e-3 / 1e-2",
                                                "plateaued / at budget / diverged", "median iterations to solve",
                                                "guard fired", "study I (5,000 it.)"]))


def paired(csv, family, lengths=None):
    """One family's comparisons, paired by seed: McNemar on solved, Wilcoxon on log10(mistakes + 1), the thresholds."""
    c = csv["comparisons"]
    c = c[(c["family"] == family)]
    if lengths is not None:
        c = c[c["length"].isin(lengths)]
    rows = []
    for _, r in in_paper_order(c, "length", "a_method", "b_method", "a_label").iterrows():
        # The tests pair the seeds both arms ran; an arm given more seeds (rule D2) has its other seeds in its rate only.
        pairs, sa, sb = int(r["pairs"]), int(r["a_compared_solved"]), int(r["b_compared_solved"])
        solved = f"{sa} vs {sb} of {pairs}"
        if r["a_trials"] != pairs or r["b_trials"] != pairs:
            solved += (f" (all seeds: {int(r['a_solved'])}/{int(r['a_trials'])} vs {int(r['b_solved'])}/{int(r['b_trials'])},"
                       f" Fisher Holm p {p_value(r['fisher_p_holm'])})")
        test = "" if r["binary_test"] == "mcnemar" else f" ({r['binary_test']})"
        binary = interval((sa - sb) / pairs, r["binary_ci_low"], r["binary_ci_high"])
        shift = "–" if pd.isna(r["log_mistakes_shift"]) else interval(r["log_mistakes_shift"], r["log_mistakes_shift_low"],
                                                                      r["log_mistakes_shift_high"])
        rows.append([r["task"], int(r["length"]), r["a_label"], r["b_label"],
                     solved, binary, p_value(r["binary_p_holm"]) + test,
                     f"{mistakes(r['a_median_best_mistakes'])} vs {mistakes(r['b_median_best_mistakes'])}", shift,
                     "–" if pd.isna(r["mistakes_p_holm"]) else p_value(r["mistakes_p_holm"]),
                     "; ".join(f"{int(r['a_reached_' + t])} vs {int(r['b_reached_' + t])} (Holm p {p_value(r['reached_p_holm_' + t])})"
                               for t in THRESHOLDS)])
    return markdown(pd.DataFrame(rows, columns=["task", "T", "a", "b", "solved, of the paired seeds", "a - b [95% paired Newcombe]",
                                                "McNemar Holm p",
                                                "best mistakes: medians", "shift of log10(m + 1) [95%]", "Wilcoxon Holm p",
                                                "reached 1e-3; 1e-2"]))


def s2_gradient_flow(csv):
    """Questions 2 and 3: each guarded LRA configuration's step-1 / last-step update ratios over its trials, at its first and
    last check, at every length run (parts A, B and D)."""
    s = csv["summary"]
    s = grouped(s[(s["algorithm"] == "lra") & (s["lra_omega_guard"].fillna("on") == "on")])
    f = csv["gradient_flow"]
    rows = []
    for _, r in in_paper_order(s, "length", "key", "regularized", "label").iterrows():
        for check in ["first", "last"]:
            g = f[(f["config_id"] == r["config_id"]) & (f["check"] == check)]
            if g.empty:
                continue
            g = g.iloc[0]
            rows.append([r["task"], int(r["length"]), group_name(r["key"], r["regularized"]), settings(r), check,
                         f"{g['whh_ratio_median']:.1e} [{g['whh_ratio_q1']:.1e}, {g['whh_ratio_q3']:.1e}]",
                         f"{int(g['zero_whh_step1'])}/{int(g['trials'])}",
                         f"{g['wxh_ratio_median']:.1e} [{g['wxh_ratio_q1']:.1e}, {g['wxh_ratio_q3']:.1e}]",
                         f"{int(g['zero_wxh_step1'])}/{int(g['trials'])}"])
    return markdown(pd.DataFrame(rows, columns=["task", "T", "method", "settings", "check", "W_hh step 1 / last: median [Q1, Q3]",
                                                "W_hh step 1 exactly zero", "W_xh step 1 / last: median [Q1, Q3]",
                                                "W_xh step 1 exactly zero"]))


def s2_guard(csv):
    """Question 5: each guard-off twin against its guarded configuration, seed by seed."""
    g = csv["guard_pairs"]
    rows = []
    for (task, length, label), p in in_paper_order(g, "length", "label").groupby(["task", "length", "label"], sort=False):
        fired = p[p["guard_events"] > 0]
        quiet = p[p["guard_events"] == 0]
        diverged = fired[fired["guard_off_status"] == "diverged"]
        delays = (diverged["guard_off_stopped_at"] - diverged["guard_first"]).dropna().sort_values()
        alike = quiet[(quiet["guarded_status"] == quiet["guard_off_status"])
                      & (quiet["guarded_best_mistakes"] == quiet["guard_off_best_mistakes"])]
        rows.append([task, int(length), label, f"{len(fired)}/{len(p)}", f"{len(diverged)}/{len(fired)}",
                     "–" if delays.empty else f"{delays.median():g} [{delays.min():g}, {delays.max():g}]",
                     f"{int((quiet['guard_off_status'] == 'diverged').sum())}/{len(quiet)}", f"{len(alike)}/{len(quiet)}",
                     f"{int((p['guarded_status'] == 'solved').sum())} vs {int((p['guard_off_status'] == 'solved').sum())}"])
    return markdown(pd.DataFrame(rows, columns=["task", "T", "configuration (guarded)", "guard fired", "of those, guard-off diverged",
                                                "iterations from first skip to NaN: median [min, max]",
                                                "guard never fired, guard-off diverged", "guard never fired, both ended alike",
                                                "solved: guarded vs guard-off"]))


def s2_lengths(csv):
    """Question 6: where each temporal-order method's success falls below one half (the registered bracket)."""
    f = csv["failure_lengths"]
    f = f[f["task"] == "temporal-order"]

    def end(r, e):
        if pd.isna(r[e + "_length"]):
            return "–"
        return (f"T = {int(r[e + '_length'])}: {int(r[e + '_solved'])}/{int(r[e + '_trials'])} "
                f"[{r[e + '_ci_low']:.2f}, {r[e + '_ci_high']:.2f}]")

    rows = []
    for _, r in f.iterrows():
        lengths = [int(x) for x in str(r["lengths"]).split()]
        if max(lengths) <= 20:
            continue
        rows.append([r["label"], ", ".join(f"{t}: {s}" for t, s in zip(lengths, str(r["solved_by_length"]).split())),
                     end(r, "last_at_least_half"), end(r, "first_below_half"), "" if r["monotone"] else "not monotone"])
    return markdown(pd.DataFrame(rows, columns=["method", "solved by T", "last T solving at least half [95% Wilson]",
                                                "first T solving fewer [95% Wilson]", "note"]))


def part(row):
    if row["lra_omega_guard"] == "off":
        return "C: guard off"
    if row["length"] > 20:
        return "D: lengths"
    return "A and B: reference protocol"


def s2_compute(csv):
    """Core-hours by part, from every trial's wall time."""
    t = csv["trials"].copy()
    t["part"] = t.apply(part, axis=1)
    hours = t.groupby("part").agg(trials=("trial_id", "size"), core_hours=("wall_seconds", "sum")).reset_index()
    rows = [[r["part"], int(r["trials"]), f"{r['core_hours'] / 3600:.2f}"] for _, r in hours.iterrows()]
    rows.append(["all", int(hours["trials"].sum()), f"{hours['core_hours'].sum() / 3600:.2f}"])
    return markdown(pd.DataFrame(rows, columns=["part", "trials", "core-hours"]))


# A trial's settings: what the two studies share for a configuration and seed (not its budget or patience).
TRIAL_KEYS = ["task", "length", "algorithm", "hidden", "batch", "bptt_learning_rate", "bptt_alpha", "bptt_clip", "lra_variant",
              "lra_learning_rate", "lra_beta", "lra_k", "lra_c", "lra_alpha", "lra_normalize", "lra_local_loss", "lra_omega_guard", "seed"]


def s2_consistency(csv):
    """Each study II trial beside its study I twin at study I's protocol (its most common budget and patience: 5,000
    iterations, 10 checks) with the same settings and seed: a trial depends only on its settings and seed, so study II
    must repeat study I up to study I's stop. Counts per configuration."""
    none = markdown(pd.DataFrame([["all", "", "", 0]], columns=["task", "T", "configuration", "trials with a study I twin"]))
    one = csv.get("study1_trials")
    two = csv["trials"]
    if one is None or one.empty or two.empty:
        return none
    budget, patience = one.groupby(["max_iterations", "patience"]).size().idxmax()
    one = one[(one["max_iterations"] == budget) & (one["patience"] == patience)]
    a, b = two.copy(), one.copy()
    for k in TRIAL_KEYS:
        a[k] = a[k].astype(str)
        b[k] = b[k].astype(str)
    m = a.merge(b, on=TRIAL_KEYS, suffixes=("", "_1"))
    if m.empty:
        return none
    # The keys were merged as text; the method group needs alpha as a number.
    m["key"] = m.apply(method_key, axis=1)
    m["regularized"] = m.apply(lambda r: float(alpha(r)) > 0, axis=1)
    m["length"] = m["length"].astype(int)
    rows = []
    total = [0] * 8
    for (task, length, label), t in in_paper_order(m, "length", "key", "regularized", "label").groupby(["task", "length", "label"],
                                                                                                        sort=False):
        one_solved = t["status_1"] == "solved"
        two_solved = t["status"] == "solved"
        repeated = one_solved & two_solved & (t["solved_at"] == t["solved_at_1"])
        counts = [len(t), int(one_solved.sum()), int(repeated.sum()),
                  int((~one_solved & two_solved & (t["status_1"] == "plateaued")).sum()),
                  int((~one_solved & two_solved & (t["status_1"] == "max-iterations")).sum()),
                  int((~one_solved & two_solved & (t["solved_at"] <= t["iterations_1"])).sum()),
                  int((t["best_mistakes"] > t["best_mistakes_1"]).sum()),
                  int((one_solved & ~repeated).sum())]
        total = [x + y for x, y in zip(total, counts)]
        rows.append([task, int(length), label] + counts)
    rows.append(["all", "", ""] + total)
    return markdown(pd.DataFrame(rows, columns=["task", "T", "configuration", "trials with a study I twin", "solved in study I",
                                                "solved again at the same iteration", "newly solved: study I stopped on a plateau",
                                                "newly solved: study I at its budget", "solved before study I's stop (must be 0)",
                                                "best mistakes worse (must be 0)", "study I solve not repeated (must be 0)"]))


def verdict(c, column, favour_a):
    """How many of a family's comparisons reject at Holm 0.05, and in which direction."""
    if c.empty:
        return "–"
    p = c[column]
    a = int(((p < 0.05) & favour_a).sum())
    b = int(((p < 0.05) & ~favour_a).sum())
    return f"{a} for, {b} against, {len(c) - a - b} n.s."


def verdicts_of(comparisons, family, lra_only):
    c = comparisons[comparisons["family"] == family]
    if lra_only:
        c = c[c["a_method"].str.startswith("LRA")]
    out = [verdict(c, "binary_p_holm", c["a_compared_solved"] > c["b_compared_solved"]),
           verdict(c, "mistakes_p_holm", c["log_mistakes_shift"] < 0)]
    for t in THRESHOLDS:
        out.append(verdict(c, "reached_p_holm_" + t, c["a_reached_" + t] > c["b_reached_" + t]))
    return out


def s2_verdicts(csv):
    """Claims (iv) and LRA against BPTT, counted mechanically: comparisons that reject after Holm, by direction, before and after."""
    rows = []
    for claim, family in [("(iv) regularized LRA against its alpha = 0 twin", "regularized-vs-unregularized"),
                          ("LRA against the best BPTT", "lra-vs-bptt")]:
        for study, comparisons in [("study I (5,000 it., winners)", csv.get("study1_comparisons")),
                                   ("study II (reference protocol)", csv["comparisons"])]:
            if comparisons is None or comparisons.empty:
                continue
            rows.append([claim, study, len(comparisons[(comparisons["family"] == family)
                                                       & comparisons["a_method"].str.startswith("LRA")])]
                        + verdicts_of(comparisons, family, True))
    return markdown(pd.DataFrame(rows, columns=["claim", "study", "LRA comparisons", "solved (McNemar)",
                                                "best mistakes (Wilcoxon)", "reached 1e-3", "reached 1e-2"]))


STUDY2_TABLES = {
    "rates": s2_rates,
    "regularized": lambda csv: paired(csv, "regularized-vs-unregularized"),
    "vs-bptt": lambda csv: paired(csv, "lra-vs-bptt"),
    "gradient-flow": s2_gradient_flow,
    "guard": s2_guard,
    "lengths": s2_lengths,
    "compute": s2_compute,
    "verdicts": s2_verdicts,
    "consistency": s2_consistency,
}


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


def read(csv_dir, names):
    csv = {}
    for name in names:
        try:
            csv[name] = pd.read_csv(f"{csv_dir}/{name}.csv")
        except FileNotFoundError:
            csv[name] = pd.DataFrame()
    return csv


def fill(text, marker, tables, csv, document):
    unknown = set(re.findall(rf"<!-- {marker}:([\w-]+) -->", text)) - tables.keys()
    if unknown:
        sys.exit(f"tables.py: {document}: unknown table(s) {', '.join(sorted(unknown))} (known: {', '.join(tables)})")
    return re.subn(rf"<!-- {marker}:([\w-]+) -->.*?<!-- /table -->",
                   lambda m: f"<!-- {marker}:{m.group(1)} -->\n{tables[m.group(1)](csv)}\n<!-- /table -->", text, flags=re.S)


def main(csv_dir, document, csv2_dir=None):
    """Fills DOCUMENT's study I tables (`<!-- table:NAME -->`) from csv_dir and, given csv2_dir, its study II tables
    (`<!-- study2:NAME -->`) from that, with study I's beside them where a table compares the two."""
    if not os.path.isfile(document):
        sys.exit(f"tables.py: {document}: not found")
    for d in [csv_dir] + ([csv2_dir] if csv2_dir else []):
        if not os.path.isfile(f"{d}/summary.csv"):
            sys.exit(f"tables.py: {d}: no summary.csv (give the csv folder submit/report.sh wrote)")
    csv = read(csv_dir, ["summary", "comparisons", "trials", "gradient_profiles", "allocation"])
    with open(document) as f:
        text = f.read()
    text, n = fill(text, "table", TABLES, csv, document)
    if csv2_dir:
        csv2 = read(csv2_dir, ["summary", "comparisons", "trials", "gradient_flow", "failure_lengths", "guard_pairs"])
        csv2["study1_summary"] = csv["summary"]
        csv2["study1_comparisons"] = csv["comparisons"]
        csv2["study1_trials"] = csv["trials"]
        text, n2 = fill(text, "study2", STUDY2_TABLES, csv2, document)
        n += n2
    elif "<!-- study2:" in text:
        sys.exit(f"tables.py: {document} has study II tables; give study II's csv folder too")
    with open(document, "w") as f:
        f.write(text)
    print(f"tables.py: {n} tables written into {document}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: docs/replication/tables.py CSV_DIR DOCUMENT [STUDY2_CSV_DIR]")
    main(*sys.argv[1:])
