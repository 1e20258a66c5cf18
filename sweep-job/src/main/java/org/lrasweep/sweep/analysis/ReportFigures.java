package org.lrasweep.sweep.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.lrasweep.sweep.run.ProfileCheck;

/**
 * The report's figures, made from a sweep's analysis (JFreeChart; no I/O): success rate against
 * sequence length with Wilson intervals (a panel per task); fraction of seeds solved by iteration;
 * median per-step Whh and Wxh update norms at each trial's first, middle, best and last check (the
 * vanishing-gradient picture, and whether learning changed it);
 * median learning curves with interquartile bands (a panel per task and length each). Where a panel
 * would hold more than {@link #MAX_LINES} configurations, each method (algorithm, variant, alpha) is
 * shown by its best configuration of the grid (highest success rate, then fewest iterations to solve).
 */
public final class ReportFigures {
    static final int MAX_LINES = 8;
    static final int WIDTH = 760;
    static final int HEIGHT = 430;

    /** The report's sections, each a list of figures, in page order. */
    static final List<String> SECTIONS = List.of("selection", "success", "time", "gradients", "learning", "stability");

    /**
     * One figure.
     *
     * @param name    file name without extension
     * @param caption one line under it
     * @param chart   the chart
     * @param height  its height in pixels (the width is {@link #WIDTH})
     */
    public record Figure(String name, String caption, JFreeChart chart, int height) {
        /** A figure of the report's usual size. */
        public Figure(String name, String caption, JFreeChart chart) {
            this(name, caption, chart, HEIGHT);
        }

        public String title() {
            return chart.getTitle().getText();
        }

        /** Writes the figure as a PNG of the report's size. */
        public void writePng(OutputStream out) throws IOException {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, height);
        }
    }

    private final SweepAnalysis a;
    private final Map<String, List<Figure>> sections = new LinkedHashMap<>();

    private ReportFigures(SweepAnalysis a) {
        this.a = a;
        SECTIONS.forEach(s -> sections.put(s, new ArrayList<>()));
    }

    /** Every figure of the analysis by section ({@link #SECTIONS}). */
    public static Map<String, List<Figure>> of(SweepAnalysis a) {
        ReportFigures f = new ReportFigures(a);
        Map<String, List<ConfigurationSummary>> byTask = new TreeMap<>();
        Map<String, List<ConfigurationSummary>> byPanel = new TreeMap<>();
        for (ConfigurationSummary s : a.summaries) {
            byTask.computeIfAbsent(s.config().task(), k -> new ArrayList<>()).add(s);
            byPanel.computeIfAbsent(s.config().task() + "|" + String.format("%06d", s.config().length()), k -> new ArrayList<>()).add(s);
        }
        if (a.selection != null) {
            Map<String, Selection> sweeps = a.selection.bySweep();
            sweeps.forEach((name, part) -> f.selectionFigure(sweeps.size() > 1 ? name : null, part));
        }
        byTask.forEach(f::successFigure);
        for (List<ConfigurationSummary> panel : byPanel.values()) {
            f.timeToSolveFigure(panel);
            f.kaplanMeierFigure(panel);
            f.gradientFigure(panel, 1, "Whh");
            f.gradientFigure(panel, 2, "Wxh");
            f.learningFigure(panel);
            f.stabilityFigure(panel);
        }
        return f.sections;
    }

    /** Each method by one configuration: all of them when few, else the best of the grid. */
    static List<ConfigurationSummary> linesFor(List<ConfigurationSummary> panel) {
        if (panel.size() <= MAX_LINES) {
            return panel;
        }
        Map<String, ConfigurationSummary> best = new TreeMap<>();
        for (ConfigurationSummary s : panel) {
            best.merge(s.config().method(), s, (x, y) -> SweepAnalysis.BEST.compare(x, y) <= 0 ? x : y);
        }
        return new ArrayList<>(best.values());
    }


    private String lineName(ConfigurationSummary s, List<ConfigurationSummary> panel) {
        boolean reduced = panel.size() > MAX_LINES;
        long sameMethod = panel.stream().filter(o -> o.config().method().equals(s.config().method())).count();
        return reduced ? s.config().method() + " (best of " + sameMethod + ")" : a.label(s.config());
    }

    private void successFigure(String task, List<ConfigurationSummary> summaries) {
        Map<String, List<ConfigurationSummary>> perLength = new TreeMap<>();
        for (ConfigurationSummary s : summaries) {
            perLength.computeIfAbsent(String.format("%06d", s.config().length()), k -> new ArrayList<>()).add(s);
        }
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        boolean reduced = false;
        // Where winners were confirmed on fresh seeds, their confirmation rates are the claims: each
        // method's winner at each length, joined per method. A best-of-grid rate carries a winner's curse.
        boolean confirmed = summaries.stream().anyMatch(s -> a.confirmations.containsKey(s.config().id()));
        for (List<ConfigurationSummary> atLength : perLength.values()) {
            reduced |= !confirmed && atLength.size() > MAX_LINES;
            List<ConfigurationSummary> lines = confirmed ? claims(atLength) : linesFor(atLength);
            for (ConfigurationSummary s : lines) {
                // A study's lines join each method across lengths, its regularized winners whatever their alpha.
                String name = confirmed ? (s.config().isLra() ? "LRA " + s.config().get(org.lrasweep.kernel.param.TrialParameters.LRA_VARIANT)
                        : "BPTT") + (s.config().alpha() > 0 ? " regularized" : "")
                        : atLength.size() > MAX_LINES ? s.config().method() + " (best of grid)" : a.label(s.config());
                if (!Double.isNaN(s.successRate())) {
                    series.computeIfAbsent(name, YIntervalSeries::new)
                            .add(s.config().length(), s.successRate(), s.successLow(), s.successHigh());
                }
            }
        }
        if (series.isEmpty()) {
            return;
        }
        // Dodge the series sideways so equal rates and overlapping intervals stay visible.
        double span = perLength.size() > 1 ? summaries.stream().mapToInt(s -> s.config().length()).max().getAsInt()
                - summaries.stream().mapToInt(s -> s.config().length()).min().getAsInt() : 10;
        double step = 0.015 * span;
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        int index = 0;
        for (YIntervalSeries ys : series.values()) {
            double offset = (index++ - (series.size() - 1) / 2.0) * step;
            YIntervalSeries dodged = new YIntervalSeries(ys.getKey());
            for (int i = 0; i < ys.getItemCount(); i++) {
                dodged.add(ys.getX(i).doubleValue() + offset, ys.getYValue(i), ys.getYLowValue(i), ys.getYHighValue(i));
            }
            data.addSeries(dodged);
        }
        JFreeChart chart = chart(task + ": success rate by sequence length", "sequence length T", "fraction of seeds solved", data);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(true);
        r.setDrawXError(false);
        r.setCapLength(6);
        chart.getXYPlot().setRenderer(r);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(-0.02, 1.02);
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setAutoRangeIncludesZero(false);
        add("success", chart, "success_" + slug(task), task + (confirmed
                ? ": each method's group winner at each length on its confirmation seeds (fresh seeds that played no part in choosing it), and "
                + "beyond the selection's lengths its fixed grid on fresh seeds; a regularized line joins each length's winning alpha"
                : reduced ? ": each method by its best configuration of the grid at each length" : "")
                + " (series offset sideways so that equal rates stay visible)");
    }

    /**
     * At one length of a study: each method's confirmed winner on its confirmation trials, and where a
     * method has none there, its fixed-grid configuration beside the selection (a study's longer
     * length, run on fresh seeds at a winner's settings); never a selection estimate, nor a clipping twin.
     */
    private List<ConfigurationSummary> claims(List<ConfigurationSummary> atLength) {
        List<ConfigurationSummary> out = new ArrayList<>();
        java.util.Set<String> candidates = a.selection == null ? java.util.Set.of() : a.selection.configurations().stream()
                .map(Selection.Stopped::configId).collect(java.util.stream.Collectors.toSet());
        atLength.stream().filter(s -> a.confirmations.containsKey(s.config().id())).forEach(s -> out.add(a.confirmations.get(s.config().id())));
        java.util.Set<String> methods = out.stream().map(s -> s.config().method()).collect(java.util.stream.Collectors.toSet());
        atLength.stream().filter(s -> !candidates.contains(s.config().id()) && !a.confirmations.containsKey(s.config().id())
                && !s.config().isUnclipped() && !methods.contains(s.config().method())).forEach(out::add);
        return out;
    }

    private void timeToSolveFigure(List<ConfigurationSummary> panel) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ConfigurationSummary s : linesFor(panel)) {
            XYSeries xy = new XYSeries(lineName(s, panel));
            xy.add(0, 0);
            a.solvedBy.get(s.config().id()).forEach(xy::add);
            data.addSeries(xy);
        }
        Configuration c = panel.get(0).config();
        JFreeChart chart = chart(c.task() + ", T = " + c.length() + ": fraction solved by iteration", "iteration",
                "fraction of seeds solved", data);
        chart.getXYPlot().setRenderer(new XYStepRenderer());
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(-0.02, 1.02);
        add("time", chart, "time_to_solve_" + slug(c.task()) + "_T" + c.length(), c.task() + ", T = " + c.length());
    }

    /** The outcomes a configuration's claims rest on: its confirmation trials when it has some, else its own. */
    private Outcomes claimed(ConfigurationSummary s) {
        ConfigurationSummary c = a.confirmations.get(s.config().id());
        return c != null && c.outcomes().size() > 0 ? c.outcomes() : s.outcomes();
    }

    /**
     * Censoring marks by how an unsolved trial stopped: its budget, the plateau rule, or divergence. In
     * this order, always: marks drawn later cover earlier ones where they meet, so an unordered map
     * (Map.of iterates in a per-JVM random order) made the same data draw different pixels.
     */
    static final Map<String, String> CENSORED_BY = censoredBy();

    private static Map<String, String> censoredBy() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("max-iterations", "budget");
        m.put("plateaued", "plateau");
        m.put("diverged", "diverged");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Kaplan-Meier estimate of the fraction solved by iteration (1 - S(t), S the product-limit
     * estimate with unsolved trials right-censored where they stopped), with its 95% Greenwood band
     * on the log-log scale, each censored trial marked by why it stopped, the axis running to the
     * budget, and the numbers at risk at five iterations under it. Confirmation trials where a
     * configuration has them.
     */
    private void kaplanMeierFigure(List<ConfigurationSummary> panel) {
        YIntervalSeriesCollection curves = new YIntervalSeriesCollection();
        XYSeriesCollection marks = new XYSeriesCollection();
        List<String> atRisk = new ArrayList<>();
        int budget = 0;
        List<ConfigurationSummary> lines = linesFor(panel).stream().filter(s -> claimed(s).size() > 0).toList();
        for (ConfigurationSummary s : lines) {
            budget = Math.max(budget, claimed(s).budget());
        }
        double[] ticks = new double[5];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = budget * i / 4.0;
        }
        for (ConfigurationSummary s : lines) {
            Outcomes o = claimed(s);
            double[] time = new double[o.size()];
            for (int i = 0; i < time.length; i++) {
                time[i] = o.stoppedAt()[i];
            }
            org.lrasweep.sweep.stats.KaplanMeier km = org.lrasweep.sweep.stats.KaplanMeier.fit(time, o.solved());
            String name = lineName(s, panel) + (a.confirmations.containsKey(s.config().id()) ? " (confirmation)" : "");
            YIntervalSeries curve = new YIntervalSeries(name);
            double previous = 0;
            double[] previousBand = {0, 0};
            curve.add(0, 0, 0, 0);
            for (org.lrasweep.sweep.stats.KaplanMeier.Step step : km.steps()) {
                double[] band = km.fractionSolvedBand(step.time());
                curve.add(step.time(), previous, previousBand[0], previousBand[1]);
                curve.add(step.time(), step.fractionSolved(), band[0], band[1]);
                previous = step.fractionSolved();
                previousBand = band;
            }
            curve.add(Math.max(budget, 1), previous, previousBand[0], previousBand[1]);
            curves.addSeries(curve);
            for (Map.Entry<String, String> reason : CENSORED_BY.entrySet()) {
                XYSeries mark = new XYSeries(name + ": stopped by " + reason.getValue(), false, true);
                for (int i = 0; i < o.size(); i++) {
                    if (!o.solved()[i] && reason.getKey().equals(o.status()[i])) {
                        mark.add(time[i], km.fractionSolved(time[i]));
                    }
                }
                if (mark.getItemCount() > 0) {
                    marks.addSeries(mark);
                }
            }
            int[] risk = km.atRisk(ticks);
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < ticks.length; i++) {
                row.append(String.format("%7d", risk[i]));
            }
            atRisk.add(row + "  " + name);
        }
        if (curves.getSeriesCount() == 0) {
            return;
        }
        Configuration c = panel.get(0).config();
        JFreeChart chart = chart(c.task() + ", T = " + c.length() + ": fraction solved (Kaplan-Meier)", "iteration",
                "fraction solved, 95% band", curves);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.15f);
        for (int i = 0; i < curves.getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(1.8f));
            r.setSeriesFillPaint(i, r.lookupSeriesPaint(i));
        }
        plot.setRenderer(0, r);
        plot.setDataset(1, marks);
        XYLineAndShapeRenderer m = new XYLineAndShapeRenderer(false, true);
        java.awt.Shape plateau = new java.awt.geom.Rectangle2D.Double(-1, -5, 2, 10);
        java.awt.Shape atBudget = new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8);
        java.awt.Shape diverged = org.jfree.chart.util.ShapeUtils.createDiagonalCross(4, 1);
        for (int i = 0; i < marks.getSeriesCount(); i++) {
            String key = marks.getSeriesKey(i).toString();
            m.setSeriesShape(i, key.endsWith("plateau") ? plateau : key.endsWith("budget") ? atBudget : diverged);
            m.setSeriesShapesFilled(i, !key.endsWith("budget"));
            int line = lines.indexOf(lines.stream().filter(s -> key.startsWith(lineName(s, panel))).findFirst().orElse(lines.get(0)));
            m.setSeriesPaint(i, r.lookupSeriesPaint(line));
            m.setSeriesVisibleInLegend(i, false);
        }
        plot.setRenderer(1, m);
        ((NumberAxis) plot.getRangeAxis()).setRange(-0.02, 1.02);
        ((NumberAxis) plot.getDomainAxis()).setRange(0, Math.max(budget, 1));
        StringBuilder header = new StringBuilder();
        for (double t : ticks) {
            header.append(String.format("%7d", (long) t));
        }
        header.append("  <- iteration; trials at risk:");
        org.jfree.chart.title.TextTitle risk = new org.jfree.chart.title.TextTitle(header + "\n" + String.join("\n", atRisk),
                new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 10));
        risk.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        risk.setTextAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        chart.addSubtitle(risk);
        // Room for the numbers at risk: a line per configuration.
        sections.get("time").add(new Figure("kaplan_meier_" + slug(c.task()) + "_T" + c.length(), c.task() + ", T = " + c.length()
                + ": unsolved trials censored where they stopped (open circle: budget; bar: plateau rule; cross: diverged); "
                + "numbers at risk under the axis. A trial stopped by the plateau rule counts as if it could still have been "
                + "solved, like those still running, so where many plateau the curve is an upper estimate", chart, HEIGHT + 14 * (lines.size() + 1)));
    }

    private void gradientFigure(List<ConfigurationSummary> panel, int column, String weight) {
        List<ConfigurationSummary> lines = linesFor(panel);
        // Exact zeros are the evidence that an update vanished: drawn on a labelled floor a hundredth of
        // the smallest non-zero norm (of any check, so that the subplots share it), not dropped (a log axis has no 0).
        double smallest = lines.stream().map(s -> a.gradientProfiles.get(s.config().id())).filter(p -> p != null)
                .flatMap(List::stream).flatMap(p -> java.util.Arrays.stream(p.steps())).mapToDouble(row -> row[column])
                .filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1.0);
        double floor = smallest / 100;
        NumberAxis timeSteps = new NumberAxis("time step t");
        timeSteps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        org.jfree.chart.plot.CombinedDomainXYPlot combined = new org.jfree.chart.plot.CombinedDomainXYPlot(timeSteps);
        // Subplots would each draw colours from one shared sequence: fixed per line instead, the same in every subplot.
        java.awt.Paint[] paints = org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_PAINT_SEQUENCE;
        java.awt.Shape[] shapes = org.jfree.chart.plot.DefaultDrawingSupplier.createStandardSeriesShapes();
        combined.setGap(12);
        List<String> shown = new ArrayList<>();
        boolean incomplete = false;
        for (ProfileCheck check : ProfileCheck.values()) {
            // Every line in every subplot, in the same order, so that a configuration keeps its colour.
            XYSeriesCollection data = new XYSeriesCollection();
            boolean any = false;
            boolean zeros = false;
            java.util.TreeSet<Double> iterations = new java.util.TreeSet<>();
            for (ConfigurationSummary s : lines) {
                XYSeries xy = new XYSeries(lineName(s, panel));
                GradientProfile profile = a.gradientProfiles.getOrDefault(s.config().id(), List.of()).stream()
                        .filter(p -> p.check() == check).findFirst().orElse(null);
                incomplete |= profile == null;
                if (profile != null) {
                    double[][] steps = profile.steps();
                    for (int t = 0; t < steps.length; t++) {
                        double v = steps[t][column];
                        if (v == 0) {
                            xy.add(t, floor);
                            zeros = true;
                        } else if (v > 0 && Double.isFinite(v)) {
                            xy.add(t, v);
                        }
                    }
                    iterations.add(profile.medianIteration());
                }
                any |= xy.getItemCount() > 0;
                data.addSeries(xy);
            }
            if (!any) {
                continue;
            }
            LogAxis log = new LogAxis("norm");
            log.setSmallestValue(1e-30);
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            for (int i = 0; i < lines.size(); i++) {
                renderer.setSeriesPaint(i, paints[i % paints.length]);
                renderer.setSeriesShape(i, shapes[i % shapes.length]);
            }
            XYPlot plot = new XYPlot(data, null, log, renderer);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xdddddd));
            plot.setRangeGridlinePaint(new Color(0xdddddd));
            if (zeros) {
                floorBand(plot, floor / 2, floor * 2, ZERO_BAND);
            }
            String at = check.label() + " check, median iteration " + String.format("%,.0f", iterations.first())
                    + (iterations.size() > 1 ? String.format(" to %,.0f (by configuration)", iterations.last()) : "");
            org.jfree.chart.title.TextTitle label = new org.jfree.chart.title.TextTitle(at,
                    new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 11));
            label.setBackgroundPaint(new Color(255, 255, 255, 200));
            plot.addAnnotation(new org.jfree.chart.annotations.XYTitleAnnotation(0.01, 0.98, label,
                    org.jfree.chart.ui.RectangleAnchor.TOP_LEFT));
            combined.add(plot);
            shown.add(check.label());
        }
        if (shown.isEmpty()) {
            return;
        }
        Configuration c = panel.get(0).config();
        JFreeChart chart = new JFreeChart(c.task() + ", T = " + c.length() + ": median ||d" + weight + "|| per time step",
                JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        // One legend entry per configuration, not one per subplot.
        combined.setFixedLegendItems(((XYPlot) combined.getSubplots().get(0)).getLegendItems());
        String missing = !incomplete ? "" : "; a configuration missing from a panel has not the diagnostics of every trial at that "
                + "check in this output (a consolidation of an older version kept the first and last check only; its trials "
                + "whose middle or best check is one of those would be a biased few), panels: " + String.join(", ", shown);
        sections.get("gradients").add(new Figure("gradients_" + weight.toLowerCase() + "_" + slug(c.task()) + "_T" + c.length(),
                c.task() + ", T = " + c.length() + ": " + weight + " update norms per time step at each trial's first, middle, "
                + "best (highest test accuracy) and last check, medians over seeds"
                + missing, chart, Math.max(HEIGHT, 60 + 190 * shown.size())));
    }

    /** A labelled grey band behind a log axis's floor, where values a log axis cannot show (zeros) are drawn. */
    private static void floorBand(XYPlot plot, double low, double high, String label) {
        org.jfree.chart.plot.IntervalMarker band = new org.jfree.chart.plot.IntervalMarker(low, high, new Color(0xeeeeee));
        band.setLabel(label);
        band.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.LEFT);
        band.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
        plot.addRangeMarker(band, org.jfree.chart.ui.Layer.BACKGROUND);
    }

    /** The label of the band on which exactly-zero update norms are drawn. */
    static final String ZERO_BAND = "exactly 0 (drawn at 1/100 of the smallest non-zero norm)";

    /** The accuracy above which a seed counts as having kept the task, in the learning curves' legend. */
    static final double KEPT_AT_LEAST = 0.9;

    /**
     * Median test error with its interquartile band on a log axis, where the verdicts are decided
     * (0.999 against 1 is 10 mistakes against none); no mistake is drawn on a labelled floor at half
     * a mistake. Each trial is marked where it stopped, at its final error. A configuration whose
     * trials all ended is carried at its last values to the panel's end (that is what its trials
     * hold); a configuration measured at one check only is drawn with a marker; where a
     * configuration's seeds split (some end above {@link #KEPT_AT_LEAST} accuracy, others below), the
     * legend says how many ended above, since the median of such a split describes no seed.
     */
    private void learningFigure(List<ConfigurationSummary> panel) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYSeriesCollection stops = new XYSeriesCollection();
        List<ConfigurationSummary> lines = linesFor(panel);
        java.util.Set<Integer> singleChecks = new java.util.HashSet<>();
        int end = lines.stream().map(s -> a.learningCurves.get(s.config().id())).filter(c -> !c.isEmpty())
                .mapToInt(TreeMap::lastKey).max().orElse(0);
        int testSize = panel.get(0).config().get(org.lrasweep.kernel.param.TrialParameters.TEST_SIZE);
        double floor = errorFloor(testSize);
        for (ConfigurationSummary s : lines) {
            TreeMap<Integer, double[]> curve = a.learningCurves.get(s.config().id());
            if (curve.isEmpty()) {
                continue;
            }
            String name = lineName(s, panel) + keptNote(s);
            YIntervalSeries ys = new YIntervalSeries(name);
            // Accuracy quartiles are error quartiles reversed: the error's first quartile is 1 - the accuracy's third.
            curve.forEach((it, q) -> ys.add(it, error(q[0], floor), error(q[2], floor), error(q[1], floor)));
            double[] last = curve.lastEntry().getValue();
            if (curve.lastKey() < end) {
                ys.add(end, error(last[0], floor), error(last[2], floor), error(last[1], floor));
            }
            if (curve.size() == 1) {
                singleChecks.add(data.getSeriesCount());
            }
            data.addSeries(ys);
            Outcomes o = s.outcomes();
            XYSeries stopped = new XYSeries(name + ": where each trial stopped", false, true);
            for (int i = 0; i < o.size(); i++) {
                if (o.finalMistakes()[i] >= 0) {
                    stopped.add(o.stoppedAt()[i], Math.max(floor, (double) o.finalMistakes()[i] / o.testSize()));
                }
            }
            stops.addSeries(stopped);
        }
        if (data.getSeriesCount() == 0) {
            return;
        }
        Configuration c = panel.get(0).config();
        JFreeChart chart = chart(c.task() + ", T = " + c.length() + ": test error", "iteration",
                "median test error, interquartile band (log scale)", data);
        XYPlot plot = chart.getXYPlot();
        LogAxis log = new LogAxis("median test error, interquartile band (log scale)");
        log.setRange(floor / 2, 1);
        log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));  // decades: 10^-4 is a mistake in 10,000
        plot.setRangeAxis(log);
        DeviationRenderer r = new DeviationRenderer(true, false);
        plot.setRenderer(r);
        r.setAlpha(0.2f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(1.8f));
            // The band takes the series' fill paint, which defaults to white: invisible on white.
            r.setSeriesFillPaint(i, r.lookupSeriesPaint(i));
            if (singleChecks.contains(i)) {
                r.setSeriesShapesVisible(i, true);
            }
        }
        plot.setDataset(1, stops);
        XYLineAndShapeRenderer m = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < stops.getSeriesCount(); i++) {
            m.setSeriesPaint(i, r.lookupSeriesPaint(i));
            m.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            m.setSeriesVisibleInLegend(i, false);
        }
        plot.setRenderer(1, m);
        floorBand(plot, floor / 1.5, floor * 1.5, NO_MISTAKE_BAND);
        add("learning", chart, "learning_" + slug(c.task()) + "_T" + c.length(), c.task() + ", T = " + c.length()
                + ": shaded, the middle half of the seeds; dots, each trial where it stopped; a configuration whose trials all "
                + "ended stays at its last values");
    }

    /** The label of the band on which no mistake is drawn in the learning curves. */
    static final String NO_MISTAKE_BAND = "no mistake (drawn at half a mistake)";

    /** Where no mistake is drawn on a log axis: half a mistake on the test set. */
    static double errorFloor(int testSize) {
        return 0.5 / testSize;
    }

    private static double error(double accuracy, double floor) {
        return Math.max(floor, 1 - accuracy);
    }

    /** "[k of n seeds end above 0.9]" where the seeds of a configuration split, else empty. */
    private String keptNote(ConfigurationSummary s) {
        long[] k = a.kept.getOrDefault(s.config().id(), new long[2]);
        long n = k[0];
        long kept = k[1];
        return kept > 0 && kept < n ? " [" + kept + " of " + n + " seeds end above " + KEPT_AT_LEAST + "]" : "";
    }

    private static JFreeChart chart(String title, String x, String y, org.jfree.data.xy.XYDataset data) {
        JFreeChart chart = org.jfree.chart.ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return chart;
    }

    /**
     * Best against final test accuracy, a point per trial (trials within {@value SweepAnalysis#STABILITY_GRID} of each
     * other share one), a series per method; chance as a dashed line.
     */
    private void stabilityFigure(List<ConfigurationSummary> panel) {
        Map<String, Configuration> byId = new java.util.HashMap<>();
        panel.forEach(s -> byId.put(s.config().id(), s.config()));
        // Trials at one point of the grid are one marker whose area grows with their count, so that none hides another.
        Map<String, Map<List<Double>, Double>> counts = new TreeMap<>();
        byId.forEach((id, c) -> a.stability.getOrDefault(id, List.of()).forEach(p -> counts.computeIfAbsent(c.method(),
                m -> new java.util.LinkedHashMap<>()).merge(List.of(p[0], p[1]), p.length > 2 ? p[2] : 1, Double::sum)));
        if (counts.isEmpty()) {
            return;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        List<List<Double>> sizes = new ArrayList<>();
        counts.forEach((method, points) -> {
            XYSeries xy = new XYSeries(method, false, true);
            List<Double> n = new ArrayList<>();
            points.forEach((point, count) -> {
                xy.add(point.get(0), point.get(1));
                n.add(count);
            });
            data.addSeries(xy);
            sizes.add(n);
        });
        Configuration c = panel.get(0).config();
        JFreeChart chart = chart(c.task() + ", T = " + c.length() + ": best against final test accuracy", "best test accuracy",
                "final test accuracy", data);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true) {
            @Override
            public java.awt.Shape getItemShape(int row, int column) {
                double d = 5 * Math.sqrt(sizes.get(row).get(column));
                return new java.awt.geom.Ellipse2D.Double(-d / 2, -d / 2, d, d);
            }
        };
        r.setDefaultShapesFilled(false);
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setRange(-0.02, 1.02);
        ((NumberAxis) plot.getRangeAxis()).setRange(-0.02, 1.02);
        double chance = org.lrasweep.kernel.task.Tasks.byName(c.task()).chanceAccuracy();
        if (!Double.isNaN(chance)) {
            plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(chance, Color.GRAY, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f)));
        }
        long collapsed = panel.stream().mapToLong(ConfigurationSummary::collapsed).sum();
        add("stability", chart, "stability_" + slug(c.task()) + "_T" + c.length(), c.task() + ", T = " + c.length() + ": "
                + collapsed + " collapsed trial" + (collapsed == 1 ? "" : "s") + "; dashed: chance accuracy; a marker's area grows with "
                + "the trials at its point");
    }

    /**
     * Seeds of the pool each configuration ran, a bar per configuration (most seeds first), coloured
     * by where it stopped; the winners apart.
     */
    private void selectionFigure(String sweep, Selection selection) {
        List<Selection.Stopped> order = new ArrayList<>(selection.configurations());
        order.sort(java.util.Comparator.comparingInt((Selection.Stopped c) -> -c.seedsRun())
                .thenComparingDouble(c -> Double.isNaN(c.rate()) ? 1 : -c.rate()).thenComparing(Selection.Stopped::configId));
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String d : List.of("winner", "max-seeds", "precise", "dominated", "continue")) {
            series.put(d, new XYSeries(d, false, true));
        }
        for (int i = 0; i < order.size(); i++) {
            Selection.Stopped c = order.get(i);
            series.get(c.winner() ? "winner" : c.decision()).add(i + 1, c.seedsRun());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().stream().filter(x -> x.getItemCount() > 0).forEach(data::addSeries);
        data.setIntervalWidth(0.8);
        JFreeChart chart = chart(sweep == null ? "Seeds spent per configuration" : sweep + ": seeds spent per configuration",
                "configuration (most seeds first)", "seeds of the pool run", data);
        org.jfree.chart.renderer.xy.XYBarRenderer bars = new org.jfree.chart.renderer.xy.XYBarRenderer();
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        chart.getXYPlot().setRenderer(bars);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, selection.pool() * 1.05);
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        add("selection", chart, sweep == null ? "selection_seeds" : "selection_seeds_" + slug(sweep), (sweep == null ? "" : sweep + ": ")
                + String.format("%d of %d selection trials run (%d saved against every "
                + "configuration on the whole pool of %d seeds)", selection.trialsRun(), selection.fullPool(),
                selection.fullPool() - selection.trialsRun(), selection.pool()));
    }

    private void add(String section, JFreeChart chart, String name, String caption) {
        sections.get(section).add(new Figure(name, caption, chart));
    }

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "-");
    }
}
