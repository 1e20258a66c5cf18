package org.lrasweep.sweep.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
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

/**
 * The sweep's report: {@code <output>/report/index.html} with PNG figures beside it, readable
 * offline. Figures: success rate against sequence length with Wilson intervals (a panel per task);
 * fraction of seeds solved by iteration; median per-step Whh and Wxh update norms at the first check
 * (the vanishing-gradient picture); median learning curves with interquartile bands; then the
 * summary and comparison tables and the sweep's provenance. Where a panel would hold more than
 * {@link #MAX_LINES} configurations, each method (algorithm, variant, alpha) is shown by its best
 * configuration of the grid (highest success rate, then fewest iterations to solve).
 */
public final class ReportWriter {
    static final int MAX_LINES = 8;
    private static final int WIDTH = 760;
    private static final int HEIGHT = 430;

    private final SweepAnalysis a;
    private final File dir;
    private final StringBuilder html = new StringBuilder();

    private ReportWriter(SweepAnalysis a, File dir) {
        this.a = a;
        this.dir = dir;
    }

    /** Writes the report under output/report and returns its index path. */
    public static String write(SweepAnalysis a, String output, org.apache.hadoop.conf.Configuration hadoop) throws IOException {
        System.setProperty("java.awt.headless", "true");
        File local = Files.createTempDirectory("lra-sweep-report").toFile();
        new ReportWriter(a, local).render(output, hadoop);
        Path target = new Path(output, "report");
        FileSystem fs = target.getFileSystem(hadoop);
        fs.delete(target, true);
        fs.mkdirs(target);
        for (File f : Objects.requireNonNull(local.listFiles())) {
            fs.copyFromLocalFile(true, true, new Path(f.getAbsolutePath()), new Path(target, f.getName()));
        }
        local.delete();
        return new Path(target, "index.html").toString();
    }

    private void render(String output, org.apache.hadoop.conf.Configuration hadoop) throws IOException {
        String sweeps = String.join(", ", new TreeSet<>(a.trials.stream().map(r -> r.<String>getAs("sweep")).toList()));
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>lra-sweep report: ")
                .append(esc(sweeps)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n")
                .append("<h1>lra-sweep report: ").append(esc(sweeps)).append("</h1>\n");
        overview();
        Map<String, List<ConfigurationSummary>> byTask = new TreeMap<>();
        for (ConfigurationSummary s : a.summaries) {
            byTask.computeIfAbsent(s.config().task(), k -> new ArrayList<>()).add(s);
        }
        html.append("<h2>1. Success rate against sequence length</h2>\n<p>Fraction of seeds solved (test error below the "
                + "threshold), with 95% Wilson intervals. One panel per task.</p>\n");
        for (Map.Entry<String, List<ConfigurationSummary>> e : byTask.entrySet()) {
            successFigure(e.getKey(), e.getValue());
        }
        Map<String, List<ConfigurationSummary>> byPanel = new TreeMap<>();
        for (ConfigurationSummary s : a.summaries) {
            byPanel.computeIfAbsent(s.config().task() + "|" + String.format("%06d", s.config().length()), k -> new ArrayList<>()).add(s);
        }
        html.append("<h2>2. Time to solve</h2>\n<p>Fraction of seeds solved by each iteration.</p>\n");
        for (List<ConfigurationSummary> panel : byPanel.values()) {
            timeToSolveFigure(panel);
        }
        html.append("<h2>3. Update norms per time step</h2>\n<p>Median over seeds of the Frobenius norm of each step's "
                + "Whh and Wxh update in the last training iteration before the first check: how far back in time the "
                + "learning signal reaches. Without the regularizer (alpha = 0) LRA's updates vanish towards early steps "
                + "(the paper's central evidence). Steps with a zero norm (released LRA never updates step 0) are not drawn "
                + "on the log scale.</p>\n");
        for (List<ConfigurationSummary> panel : byPanel.values()) {
            gradientFigure(panel, 1, "Whh");
            gradientFigure(panel, 2, "Wxh");
        }
        html.append("<h2>4. Learning curves</h2>\n<p>Median test accuracy over seeds with the interquartile band; a trial "
                + "that ended keeps its last accuracy.</p>\n");
        for (List<ConfigurationSummary> panel : byPanel.values()) {
            learningFigure(panel);
        }
        summaryTable();
        comparisonTable();
        provenance(output, hadoop);
        html.append("<script>window.addEventListener('load', function () {\n"
                + "  var imgs = Array.prototype.slice.call(document.images);\n"
                + "  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;\n"
                + "  document.body.setAttribute('data-figures-loaded', ok + '/' + imgs.length);\n"
                + "});</script>\n</body></html>\n");
        Files.writeString(new File(dir, "index.html").toPath(), html.toString(), StandardCharsets.UTF_8);
    }

    private void overview() {
        Map<String, Long> statuses = new TreeMap<>();
        for (Row r : a.trials) {
            statuses.merge(r.getAs("status"), 1L, Long::sum);
        }
        html.append("<p>").append(a.trials.size()).append(" trials in ").append(a.summaries.size())
                .append(" configurations: ");
        List<String> parts = new ArrayList<>();
        statuses.forEach((k, v) -> parts.add(v + " " + esc(k)));
        html.append(String.join(", ", parts)).append(".</p>\n");
    }

    /** Each method by one configuration: all of them when few, else the best of the grid. */
    static List<ConfigurationSummary> linesFor(List<ConfigurationSummary> panel) {
        if (panel.size() <= MAX_LINES) {
            return panel;
        }
        Map<String, ConfigurationSummary> best = new TreeMap<>();
        for (ConfigurationSummary s : panel) {
            best.merge(s.config().method(), s, (x, y) -> BEST.compare(x, y) <= 0 ? x : y);
        }
        return new ArrayList<>(best.values());
    }

    private static final Comparator<ConfigurationSummary> BEST = Comparator
            .comparingDouble((ConfigurationSummary s) -> Double.isNaN(s.successRate()) ? 1 : -s.successRate())
            .thenComparingDouble(s -> Double.isNaN(s.medianIterationsToSolve()) ? Double.MAX_VALUE : s.medianIterationsToSolve())
            .thenComparingDouble(s -> Double.isNaN(s.meanBestAccuracy()) ? 1 : -s.meanBestAccuracy());

    private String lineName(ConfigurationSummary s, List<ConfigurationSummary> panel) {
        boolean reduced = panel.size() > MAX_LINES;
        long sameMethod = panel.stream().filter(o -> o.config().method().equals(s.config().method())).count();
        return reduced ? s.config().method() + " (best of " + sameMethod + ")" : s.config().label();
    }

    private void successFigure(String task, List<ConfigurationSummary> summaries) throws IOException {
        Map<String, List<ConfigurationSummary>> perLength = new TreeMap<>();
        for (ConfigurationSummary s : summaries) {
            perLength.computeIfAbsent(String.format("%06d", s.config().length()), k -> new ArrayList<>()).add(s);
        }
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        boolean reduced = false;
        for (List<ConfigurationSummary> atLength : perLength.values()) {
            reduced |= atLength.size() > MAX_LINES;
            for (ConfigurationSummary s : linesFor(atLength)) {
                String name = atLength.size() > MAX_LINES ? s.config().method() + " (best of grid)" : s.config().label();
                if (!Double.isNaN(s.successRate())) {
                    series.computeIfAbsent(name, YIntervalSeries::new)
                            .add(s.config().length(), s.successRate(), s.successLow(), s.successHigh());
                }
            }
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
        figure(chart, "success_" + slug(task), task + (reduced ? ": each method by its best configuration of the grid at each length" : "")
                + " (series offset sideways so that equal rates stay visible)");
    }

    private void timeToSolveFigure(List<ConfigurationSummary> panel) throws IOException {
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
        figure(chart, "time_to_solve_" + slug(c.task()) + "_T" + c.length(), c.task() + ", T = " + c.length());
    }

    private void gradientFigure(List<ConfigurationSummary> panel, int column, String weight) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ConfigurationSummary s : linesFor(panel)) {
            double[][] profile = a.gradientProfiles.get(s.config().id());
            if (profile == null) {
                continue;
            }
            XYSeries xy = new XYSeries(lineName(s, panel));
            for (int t = 0; t < profile.length; t++) {
                if (profile[t][column] > 0 && Double.isFinite(profile[t][column])) {
                    xy.add(t, profile[t][column]);
                }
            }
            if (xy.getItemCount() > 0) {
                data.addSeries(xy);
            }
        }
        if (data.getSeriesCount() == 0) {
            return;
        }
        Configuration c = panel.get(0).config();
        JFreeChart chart = chart(c.task() + ", T = " + c.length() + ": ||d" + weight + "|| per time step", "time step t",
                "median update norm (log scale)", data);
        XYPlot plot = chart.getXYPlot();
        LogAxis log = new LogAxis("median update norm (log scale)");
        log.setSmallestValue(1e-30);
        plot.setRangeAxis(log);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(r);
        figure(chart, "gradients_" + weight.toLowerCase() + "_" + slug(c.task()) + "_T" + c.length(),
                c.task() + ", T = " + c.length() + ": " + weight + " update norms");
    }

    private void learningFigure(List<ConfigurationSummary> panel) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (ConfigurationSummary s : linesFor(panel)) {
            YIntervalSeries ys = new YIntervalSeries(lineName(s, panel));
            a.learningCurves.get(s.config().id()).forEach((it, q) -> ys.add(it, q[0], q[1], q[2]));
            if (ys.getItemCount() > 0) {
                data.addSeries(ys);
            }
        }
        if (data.getSeriesCount() == 0) {
            return;
        }
        Configuration c = panel.get(0).config();
        JFreeChart chart = chart(c.task() + ", T = " + c.length() + ": test accuracy", "iteration",
                "median test accuracy (IQR band)", data);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        chart.getXYPlot().setRenderer(r);
        figure(chart, "learning_" + slug(c.task()) + "_T" + c.length(), c.task() + ", T = " + c.length());
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

    private void figure(JFreeChart chart, String name, String caption) throws IOException {
        ChartUtils.saveChartAsPNG(new File(dir, name + ".png"), chart, WIDTH, HEIGHT);
        html.append("<figure><img src=\"").append(name).append(".png\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" alt=\"").append(esc(chart.getTitle().getText())).append("\"><figcaption>")
                .append(esc(caption)).append("</figcaption></figure>\n");
    }

    private void summaryTable() {
        html.append("<h2>5. Summary</h2>\n<p>One row per configuration (every parameter but the seed). Success rate = solved "
                + "/ (trials - failed) with its 95% Wilson interval; iterations to solve over solved trials (median and "
                + "quartiles, type 7).</p>\n<table><tr><th>configuration</th><th>task</th><th>T</th><th>trials</th>"
                + "<th>solved</th><th>plateaued</th><th>max-it.</th><th>diverged</th><th>failed</th><th>success rate [95% CI]</th>"
                + "<th>iterations to solve: median [Q1, Q3]</th><th>mean best accuracy</th></tr>\n");
        for (ConfigurationSummary s : a.summaries) {
            html.append("<tr><td>").append(esc(s.config().label())).append("</td><td>").append(esc(s.config().task()))
                    .append("</td><td>").append(s.config().length()).append("</td><td>").append(s.trials()).append("</td><td>")
                    .append(s.solved()).append("</td><td>").append(s.plateaued()).append("</td><td>").append(s.maxIterations())
                    .append("</td><td>").append(s.diverged()).append("</td><td>").append(s.failed()).append("</td><td>")
                    .append(fmt(s.successRate())).append(" [").append(fmt(s.successLow())).append(", ").append(fmt(s.successHigh()))
                    .append("]</td><td>").append(Double.isNaN(s.medianIterationsToSolve()) ? "-" : String.format("%.0f [%.0f, %.0f]",
                            s.medianIterationsToSolve(), s.q1IterationsToSolve(), s.q3IterationsToSolve()))
                    .append("</td><td>").append(fmt(s.meanBestAccuracy())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void comparisonTable() {
        html.append("<h2>6. Comparisons</h2>\n<p>Regularized LRA (alpha &gt; 0) against its unregularized twin (same settings, "
                + "alpha = 0) and against BPTT on the same task, length and protocol: difference in success rate with its 95% "
                + "Newcombe hybrid-score interval, two-sided Fisher exact p-value, and Holm's adjustment over all rows.</p>\n");
        if (a.comparisons.isEmpty()) {
            html.append("<p>No comparisons: the sweep has no regularized LRA configuration with a baseline.</p>\n");
            return;
        }
        html.append("<table><tr><th>comparison</th><th>task</th><th>T</th><th>regularized</th><th>solved</th><th>baseline</th>"
                + "<th>solved</th><th>difference [95% CI]</th><th>Fisher p</th><th>Holm p</th></tr>\n");
        for (Comparison c : a.comparisons) {
            html.append("<tr><td>").append(c.kind()).append("</td><td>").append(esc(c.regularized().config().task()))
                    .append("</td><td>").append(c.regularized().config().length()).append("</td><td>")
                    .append(esc(c.regularized().config().label())).append("</td><td>").append(c.regularized().solved()).append('/')
                    .append(c.regularized().ran()).append("</td><td>").append(esc(c.baseline().config().label())).append("</td><td>")
                    .append(c.baseline().solved()).append('/').append(c.baseline().ran()).append("</td><td>")
                    .append(String.format("%+.2f [%+.2f, %+.2f]", c.difference(), c.low(), c.high())).append("</td><td>")
                    .append(String.format("%.3g", c.pValue())).append("</td><td>").append(String.format("%.3g", c.pHolm()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void provenance(String output, org.apache.hadoop.conf.Configuration hadoop) throws IOException {
        TreeSet<String> versions = new TreeSet<>();
        Timestamp first = null;
        Timestamp last = null;
        for (Row r : a.trials) {
            versions.add(r.getAs("code_version"));
            Timestamp s = r.getAs("started_at");
            Timestamp f = r.getAs("finished_at");
            first = first == null || s.before(first) ? s : first;
            last = last == null || f.after(last) ? f : last;
        }
        html.append("<h2>7. Provenance</h2>\n<table><tr><th>output</th><td>").append(esc(output)).append("</td></tr>")
                .append("<tr><th>code versions</th><td>").append(esc(String.join(", ", versions))).append("</td></tr>")
                .append("<tr><th>first trial started</th><td>").append(first).append(" UTC</td></tr>")
                .append("<tr><th>last trial finished</th><td>").append(last).append(" UTC</td></tr></table>\n");
        Path runs = new Path(output, "runs");
        FileSystem fs = runs.getFileSystem(hadoop);
        if (fs.exists(runs)) {
            FileStatus[] files = fs.listStatus(runs);
            java.util.Arrays.sort(files, Comparator.comparing(f -> f.getPath().getName()));
            html.append("<p>").append(files.length).append(" runs (").append(esc(output)).append("/runs/). The latest:</p>\n<pre>");
            try (var in = fs.open(files[files.length - 1].getPath())) {
                html.append(esc(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            html.append("</pre>\n");
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3f", v);
    }

    private static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "-");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = "body{font-family:DejaVu Sans,Arial,sans-serif;max-width:1700px;margin:1.5em auto;padding:0 1em;color:#222}"
            + "h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}"
            + "figure{display:inline-block;margin:0.5em;vertical-align:top}figcaption{font-size:0.85em;color:#555;max-width:760px}"
            + "table{border-collapse:collapse;font-size:0.82em;margin:0.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}"
            + "th{background:#f3f3f3}pre{background:#f6f6f6;padding:0.8em;font-size:0.8em;overflow-x:auto}";
}
