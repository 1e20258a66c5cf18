package org.lrasweep.sweep.analysis;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.descriptive.Median;
import org.lrasweep.kernel.train.TrialResult;

/**
 * The report's HTML page, rendered from the template {@code report.mustache} (Mustache: logic-less,
 * and every value is HTML-escaped unless the template says otherwise). Builds the page's model from
 * the analysis, its figures and the sweep's provenance; no I/O.
 */
public final class ReportPage {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("org/lrasweep/sweep/analysis").compile("report.mustache");

    /**
     * What the report says of where the results come from.
     *
     * @param output    the output folder
     * @param runs      how many run records {@code runs/} holds
     * @param latestRun the text of the latest run record, or null
     */
    public record Provenance(String output, int runs, String latestRun) {
    }

    private ReportPage() {
    }

    /** The page for the analysis and its figures ({@link ReportFigures#of}). */
    public static String render(SweepAnalysis a, Map<String, List<ReportFigures.Figure>> figures, Provenance provenance) {
        Map<String, Object> page = new HashMap<>();
        // One sweep names the report; several are counted in the title and listed once below it.
        List<String> sweeps = a.overview.sweeps();
        page.put("sweeps", sweeps.size() == 1 ? sweeps.get(0) : sweeps.size() + " sweeps");
        page.put("sweepList", sweeps.size() > 1 ? String.join(", ", sweeps) : "");
        page.put("trials", a.overview.trials());
        page.put("configurations", a.summaries.size());
        List<String> counts = new ArrayList<>();
        a.overview.statuses().forEach((k, v) -> counts.add(v + " " + k));
        page.put("statuses", String.join(", ", counts));
        figures.forEach((section, list) -> page.put(section, list.stream().map(ReportPage::figure).toList()));
        Map<String, String> decisions = new HashMap<>();
        if (a.selection != null) {
            a.selection.configurations().forEach(c -> decisions.put(c.configId(), c.winner() ? "winner" : c.decision()));
        }
        page.put("adaptive", a.selection != null);
        page.put("summary", a.summaries.stream().map(s -> summaryRow(a, s, decisions.getOrDefault(s.config().id(), "")))
                .toList());
        List<Map<String, Object>> families = new ArrayList<>();
        for (ComparisonFamily f : ComparisonFamily.values()) {
            List<Map<String, Object>> rows = a.comparisons.stream().filter(c -> c.family() == f).map(c -> comparisonRow(a, c)).toList();
            families.add(Map.of("name", f.label(), "question", a.comparedOnConfirmation ? f.questionOnConfirmation() : f.question(),
                    "rows", rows, "empty", rows.isEmpty()));
        }
        page.put("families", families);
        page.put("comparedOnConfirmation", a.comparedOnConfirmation);
        if (a.selection != null) {
            page.put("adaptiveSelection", selection(a));
        }
        page.put("failureLengths", a.failureLengths.stream().map(f -> failureLengthRow(a, f)).toList());
        page.put("guardPairs", a.guardPairs.stream().map(p -> guardPairRow(a, p)).toList());
        page.put("hasFailureLengths", !a.failureLengths.isEmpty());
        page.put("hasGuardPairs", !a.guardPairs.isEmpty());
        page.put("collapseBest", TrialResult.COLLAPSE_BEST_AT_LEAST);
        page.put("collapseWithin", TrialResult.COLLAPSE_FINAL_WITHIN);
        provenance(page, a.overview, provenance);
        StringWriter html = new StringWriter();
        TEMPLATE.execute(html, page);
        return html.toString();
    }

    /** The selection section's model: each sweep's pool, stops and savings, and each group's winner with both estimates. */
    private static Map<String, Object> selection(SweepAnalysis a) {
        Selection s = a.selection;
        Map<String, Object> m = new HashMap<>();
        List<Map<String, Object>> sweeps = new ArrayList<>();
        s.bySweep().forEach((name, part) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("sweep", name);
            row.put("run", part.trialsRun());
            row.put("full", part.fullPool());
            row.put("saved", part.fullPool() - part.trialsRun());
            row.put("pool", part.pool());
            row.put("configurations", part.configurations().size());
            row.put("state", part.complete() ? "complete" : "running");
            Map<String, Long> decisions = new java.util.TreeMap<>();
            part.configurations().forEach(c -> decisions.merge(c.decision(), 1L, Long::sum));
            List<String> counts = new ArrayList<>();
            decisions.forEach((d, n) -> counts.add(n + " " + d));
            row.put("decisions", String.join(", ", counts));
            sweeps.add(row);
        });
        m.put("sweeps", sweeps);
        m.put("complete", s.complete());
        List<Map<String, Object>> winners = new ArrayList<>();
        Map<String, ConfigurationSummary> byId = new HashMap<>();
        a.summaries.forEach(x -> byId.put(x.config().id(), x));
        java.util.Comparator<Selection.Stopped> order = java.util.Comparator.comparing(
                (Selection.Stopped w) -> byId.containsKey(w.configId()) ? byId.get(w.configId()).config() : null,
                java.util.Comparator.nullsLast(Configuration.PAPER_ORDER));
        for (Selection.Stopped w : s.winners().stream().sorted(order).toList()) {
            Map<String, Object> row = new HashMap<>();
            row.put("sweep", w.sweep());
            row.put("group", w.group());
            row.put("label", w.label());
            row.put("id", w.configId());
            row.put("selection", w.solved() + "/" + w.seedsRun() + ": " + fmt(w.rate()) + " [" + fmt(w.low()) + ", " + fmt(w.high()) + "]");
            ConfigurationSummary c = a.confirmations.get(w.configId());
            row.put("confirmation", c == null ? "not run yet" : c.solved() + "/" + c.ran() + ": " + fmt(c.successRate()) + " ["
                    + fmt(c.successLow()) + ", " + fmt(c.successHigh()) + "]");
            row.put("iterations", c == null || Double.isNaN(c.medianIterationsToSolve()) ? "-"
                    : String.format("%.0f", c.medianIterationsToSolve()));
            winners.add(row);
        }
        m.put("winners", winners);
        return m;
    }

    private static Map<String, Object> figure(ReportFigures.Figure f) {
        return Map.of("name", f.name(), "title", f.title(), "caption", f.caption(), "width", ReportFigures.WIDTH,
                "height", f.height());
    }

    private static Map<String, Object> summaryRow(SweepAnalysis a, ConfigurationSummary s, String decision) {
        Map<String, Object> row = new HashMap<>();
        row.put("decision", decision);
        row.put("label", a.label(s.config()));
        row.put("id", s.config().id());
        row.put("task", s.config().task());
        row.put("length", s.config().length());
        row.put("trials", s.trials());
        row.put("solved", s.solved());
        row.put("plateaued", s.plateaued());
        row.put("maxIterations", s.maxIterations());
        row.put("diverged", s.diverged());
        row.put("failed", s.failed());
        row.put("rate", fmt(s.successRate()) + " [" + fmt(s.successLow()) + ", " + fmt(s.successHigh()) + "]");
        row.put("iterations", Double.isNaN(s.medianIterationsToSolve()) ? "-" : String.format("%.0f [%.0f, %.0f]",
                s.medianIterationsToSolve(), s.q1IterationsToSolve(), s.q3IterationsToSolve()));
        row.put("bestAccuracy", fmt(s.meanBestAccuracy()));
        row.put("finalAccuracy", fmt(s.medianFinalAccuracy()));
        row.put("collapsed", s.collapsed());
        row.put("omegaSkips", s.config().alpha() > 0 ? String.format("%.0f", s.medianOmegaZeroEvents()) : "");
        Outcomes o = s.outcomes();
        double[] q = o.bestMistakesQuartiles();
        row.put("mistakes", o.size() == 0 || Double.isNaN(q[1]) ? "-" : String.format("%.0f [%.0f, %.0f]", q[1], q[0], q[2]));
        StringBuilder reached = new StringBuilder();
        for (double t : a.thresholds) {
            double[] ci = o.reachedInterval(t);
            reached.append(reached.isEmpty() ? "" : "; ").append(String.format("%.0e: %d/%d [%s, %s]", t, o.reached(t), o.size(),
                    fmt(ci[0]), fmt(ci[1])));
        }
        row.put("reached", o.size() == 0 ? "-" : reached.toString());
        // The guard, beside every regularized result: in how many trials it fired, and from when.
        row.put("guard", s.config().alpha() > 0 && s.config().isLra() && o.size() > 0 ? o.guarded() + "/" + o.size()
                + (Double.isNaN(o.medianGuardFirst()) ? "" : String.format(", first at a median %.0f", o.medianGuardFirst())) : "");
        return row;
    }

    private static Map<String, Object> comparisonRow(SweepAnalysis a, Comparison c) {
        Map<String, Object> row = new HashMap<>();
        row.put("task", c.a().config().task());
        row.put("length", c.a().config().length());
        row.put("a", a.label(c.a().config()));
        row.put("aSolved", c.a().solved() + "/" + c.a().ran());
        row.put("b", a.label(c.b().config()));
        row.put("bSolved", c.b().solved() + "/" + c.b().ran());
        row.put("difference", String.format("%+.2f [%+.2f, %+.2f]", c.difference(), c.low(), c.high()));
        row.put("p", String.format("%.3g", c.pValue()));
        row.put("pHolm", String.format("%.3g", c.pHolm()));
        OutcomeComparison m = c.mistakes();
        boolean none = m == OutcomeComparison.NONE;
        row.put("binary", none ? "-" : String.format("%s%s: p %.3g, Holm %.3g, 95%% CI [%+.2f, %+.2f]%s", m.binaryTest(),
                m.paired() ? " (paired on the " + m.n() + " seeds both ran: " + m.solvedA() + " vs " + m.solvedB() + " solved)" : "",
                m.pBinary(), m.pBinaryHolm(), m.binaryLow(), m.binaryHigh(),
                m.binaryEquivalence().isEmpty() ? "" : "; " + m.binaryEquivalence()));
        row.put("mistakesCompared", none || "none".equals(m.mistakesTest()) && Double.isNaN(m.pMistakes()) ? "-"
                : String.format("median %.0f vs %.0f; %s p %.3g, Holm %.3g; shift of log10(m + 1) %+.2f [%+.2f, %+.2f]%s",
                        m.medianA(), m.medianB(), m.mistakesTest(), m.pMistakes(), m.pMistakesHolm(), m.shift(), m.shiftLow(),
                        m.shiftHigh(), m.shiftEquivalence().isEmpty() ? "" : "; " + m.shiftEquivalence()));
        StringBuilder thresholds = new StringBuilder();
        for (int t = 0; t < m.thresholds().length; t++) {
            thresholds.append(thresholds.isEmpty() ? "" : "; ").append(String.format("%.0e: %d vs %d (Holm p %.3g)", m.thresholds()[t],
                    m.reachedA()[t], m.reachedB()[t], m.pThresholdHolm()[t]));
        }
        row.put("thresholds", thresholds.isEmpty() ? "-" : thresholds.toString());
        return row;
    }

    private static Map<String, Object> failureLengthRow(SweepAnalysis a, FailureLength f) {
        Map<String, Object> row = new HashMap<>();
        row.put("task", f.method().task());
        row.put("label", a.label(f.method()));
        row.put("byLength", String.join(", ", f.lengths().stream().map(s -> "T " + s.config().length() + ": " + s.solved() + "/" + s.ran())
                .toList()));
        row.put("last", end(f.lastAtLeastHalf(), "below one half already at its shortest length"));
        row.put("first", end(f.firstBelowHalf(), "never below one half: run longer"));
        row.put("monotone", f.monotone() ? "" : "rises to one half again at a longer length");
        return row;
    }

    private static String end(ConfigurationSummary s, String none) {
        return s == null ? none : String.format("T %d: %d/%d, %s [%s, %s]", s.config().length(), s.solved(), s.ran(),
                fmt(s.successRate()), fmt(s.successLow()), fmt(s.successHigh()));
    }

    private static Map<String, Object> guardPairRow(SweepAnalysis a, GuardPair p) {
        Map<String, Object> row = new HashMap<>();
        row.put("task", p.guarded().config().task());
        row.put("length", p.guarded().config().length());
        row.put("label", a.label(p.guarded().config()));
        int n = p.seeds().size();
        row.put("fired", p.fired() + "/" + n);
        row.put("diverged", p.firedAndDiverged() + "/" + p.fired());
        row.put("unexplained", p.divergedWithoutGuard() + "/" + (n - p.fired()));
        row.put("agree", p.agreeWithoutGuard() + "/" + (n - p.fired()));
        int[] d = p.divergenceDelays();
        row.put("delays", d.length == 0 ? "-" : String.format("median %.0f [%d, %d]", Median.withDefaults().evaluate(d), d[0],
                d[d.length - 1]));
        return row;
    }

    private static void provenance(Map<String, Object> page, SweepAnalysis.Overview o, Provenance p) {
        page.put("output", p.output());
        page.put("codeVersions", String.join(", ", o.codeVersions()));
        List<String> coreCounts = new ArrayList<>();
        o.blasCores().forEach((core, n) -> coreCounts.add(core + " (" + n + " trials)"));
        page.put("blasCores", String.join(", ", coreCounts));
        page.put("firstStarted", o.firstStarted() == null ? "-" : UTC.format(o.firstStarted()));
        page.put("lastFinished", o.lastFinished() == null ? "-" : UTC.format(o.lastFinished()));
        page.put("runs", p.runs());
        page.put("latestRun", p.latestRun());
    }

    /** A timestamp column's value as an instant, whichever Java type Spark returns it as. */
    public static Instant instant(Object timestamp) {
        return timestamp instanceof Instant i ? i : ((java.sql.Timestamp) timestamp).toInstant();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3f", v);
    }
}
