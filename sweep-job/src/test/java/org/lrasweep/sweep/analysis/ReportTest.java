package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.run.SweepRunner;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * A small sweep summarized and reported; the report opened in headless Chromium. The sweep's
 * output stays in {@code target/test-sweep} for the notebook check (submit/test.sh).
 */
@ExtendWith(SparkSessionExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTest {
    static final Path OUTPUT = Path.of("target", "test-sweep").toAbsolutePath();
    private SweepAnalysis analysis;

    @BeforeAll
    void runSweepAndAnalysis(SparkSession spark) throws IOException {
        deleteRecursively(OUTPUT);
        SweepSpec spec = SpecParser.parse(ConfigFactory.parseString("name = report-test\noutput = \"" + OUTPUT + "\"\n"
                + "seeds = {from = 1, to = 3}\nlength = [10, 12]\nhidden = 8\nbatch = 4\ntest-size = 40\ncheck-every = 5\n"
                + "max-iterations = 40\nlra.alpha = [0, 1]\nlra.k = 3\nspark.progress = false"), List.of());
        SweepRunner.run(spark, spec, GridExpander.expand(spec), new PrintStream(PrintStream.nullOutputStream()));
        analysis = Analysis.run(spark, OUTPUT.toString(), true, new PrintWriter(new StringWriter()));
    }

    @Test
    void summaryRowsAreRecomputedFromTheTrialsTheyJoinTo(SparkSession spark) throws IOException {
        assertEquals(6, analysis.summaries.size()); // (bptt, lra a=0, lra a=1) x 2 lengths
        List<Row> summary = spark.read().parquet(OUTPUT.resolve("summary").toString()).collectAsList();
        assertEquals(6, summary.size());
        Dataset<Row> trials = org.lrasweep.sweep.run.TrialsTable.read(spark, OUTPUT.toString());
        Map<String, double[]> rates = new HashMap<>();
        for (Row s : summary) {
            // The summary joins to its seeds on config_id alone.
            List<Row> seeds = trials.where(col("config_id").equalTo(s.<String>getAs("config_id"))).collectAsList();
            assertEquals(3, seeds.size());
            assertEquals(3, (int) s.<Integer>getAs("trials"));
            double[] solvedAt = seeds.stream().filter(r -> "solved".equals(r.getAs("status")))
                    .mapToDouble(r -> r.<Integer>getAs("solved_at")).sorted().toArray();
            int n = (int) seeds.stream().filter(r -> !"failed".equals(r.getAs("status"))).count();
            assertEquals(solvedAt.length, (int) s.<Integer>getAs("solved"));
            double p = (double) solvedAt.length / n;
            assertEquals(p, s.<Double>getAs("success_rate"), 1e-12);
            // Wilson's score interval in closed form (Wilson 1927), z = the 97.5% normal quantile.
            double z = 1.959963984540054;
            double center = (p + z * z / (2 * n)) / (1 + z * z / n);
            double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
            assertEquals(Math.max(0, center - half), s.<Double>getAs("success_ci_low"), 1e-9);
            assertEquals(Math.min(1, center + half), s.<Double>getAs("success_ci_high"), 1e-9);
            if (solvedAt.length > 0) {
                // Type 7 median of the sorted iterations to solve.
                double h = (solvedAt.length - 1) * 0.5;
                double median = solvedAt[(int) h] + (h - Math.floor(h)) * (solvedAt[(int) Math.ceil(h)] - solvedAt[(int) h]);
                assertEquals(median, s.<Double>getAs("median_iterations_to_solve"), 1e-12);
            } else {
                assertTrue(s.isNullAt(s.fieldIndex("median_iterations_to_solve")));
            }
            rates.put(s.getAs("config_id"), new double[] {solvedAt.length, n});
            // Stability columns, recomputed from the seeds' rows.
            assertEquals(seeds.stream().filter(r -> r.<Boolean>getAs("collapsed")).count(), (long) s.<Integer>getAs("collapsed"));
            double[] finals = seeds.stream().filter(r -> r.getAs("final_accuracy") != null)
                    .mapToDouble(r -> r.<Double>getAs("final_accuracy")).toArray();
            if (finals.length > 0) {
                assertEquals(median(finals), s.<Double>getAs("median_final_accuracy"), 1e-12);
            }
            assertEquals(median(seeds.stream().mapToDouble(r -> r.<Long>getAs("omega_zero_events")).toArray()),
                    s.<Double>getAs("median_omega_zero_events"), 1e-12);
        }
        // Per length: alpha 1 against its alpha 0 twin (1); each LRA configuration against the best BPTT (2); no local
        // variant to pair with (0); the three methods' bests pairwise (3).
        List<Row> comparisons = spark.read().parquet(OUTPUT.resolve("comparisons").toString()).collectAsList();
        Map<String, Long> perFamily = new java.util.TreeMap<>();
        comparisons.forEach(c -> perFamily.merge(c.getAs("family"), 1L, Long::sum));
        assertEquals(Map.of("regularized-vs-unregularized", 2L, "lra-vs-bptt", 4L, "best-vs-best", 6L), perFamily);
        assertEquals(12, analysis.comparisons.size());
        for (Row c : comparisons) {
            double[] a = rates.get(c.<String>getAs("a_config_id"));
            double[] b = rates.get(c.<String>getAs("b_config_id"));
            assertEquals(a[0] / a[1] - b[0] / b[1], c.<Double>getAs("difference"), 1e-12);
            assertEquals(fisherTwoSided((int) a[0], (int) a[1], (int) b[0], (int) b[1]), c.<Double>getAs("fisher_p"), 1e-9);
        }
        // Holm (1979) within each family, step-down over its sorted p-values, recomputed here.
        for (String family : perFamily.keySet()) {
            List<Row> rows = comparisons.stream().filter(c -> family.equals(c.getAs("family")))
                    .sorted(java.util.Comparator.comparingDouble(c -> c.<Double>getAs("fisher_p"))).toList();
            double running = 0;
            for (int i = 0; i < rows.size(); i++) {
                running = Math.max(running, Math.min(1, (rows.size() - i) * rows.get(i).<Double>getAs("fisher_p")));
                assertEquals(running, rows.get(i).<Double>getAs("fisher_p_holm"), 1e-12, family);
            }
        }
    }

    @Test
    void eachTrialsBestIterationAndCollapseFollowFromItsCurve(SparkSession spark) throws IOException {
        Dataset<Row> curves = spark.read().parquet(currentTables() + "/curves");
        for (Row t : org.lrasweep.sweep.run.TrialsTable.read(spark, OUTPUT.toString()).collectAsList()) {
            List<Row> curve = curves.where(col("trial_id").equalTo(t.<String>getAs("trial_id"))).orderBy("iteration").collectAsList();
            int best = -1;
            double bestAccuracy = -1;
            for (Row p : curve) {
                if (p.<Double>getAs("test_accuracy") > bestAccuracy) {
                    bestAccuracy = p.getAs("test_accuracy");
                    best = p.getAs("iteration");
                }
            }
            if (curve.isEmpty()) {
                assertTrue(t.isNullAt(t.fieldIndex("best_iteration")) && !t.<Boolean>getAs("collapsed"));
                continue;
            }
            assertEquals(best, (int) t.<Integer>getAs("best_iteration"));
            assertEquals(bestAccuracy, t.<Double>getAs("best_accuracy"), 1e-12);
            double last = curve.get(curve.size() - 1).getAs("test_accuracy");
            assertEquals(bestAccuracy >= 0.9 && Math.abs(last - 0.25) <= 0.1, t.<Boolean>getAs("collapsed"));
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Fisher's exact test by enumeration: the probability of every table at most as likely as the observed one. */
    private static double fisherTwoSided(int x1, int n1, int x2, int n2) {
        int successes = x1 + x2;
        double observed = hypergeometric(x1, n1, n2, successes);
        double p = 0;
        for (int k = Math.max(0, successes - n2); k <= Math.min(n1, successes); k++) {
            double q = hypergeometric(k, n1, n2, successes);
            if (q <= observed * (1 + 1e-7)) {
                p += q;
            }
        }
        return Math.min(1, p);
    }

    private static double hypergeometric(int k, int n1, int n2, int successes) {
        return binomial(n1, k) * binomial(n2, successes - k) / binomial(n1 + n2, successes);
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    @Test
    void csvCopiesExistWithHeaders() throws IOException {
        for (String name : new String[] {"trials", "summary", "comparisons", "learning_curves", "gradient_profiles", "gradient_flow"}) {
            List<String> lines = Files.readAllLines(OUTPUT.resolve("csv").resolve(name + ".csv"));
            assertTrue(lines.size() > 1, name);
            assertTrue(lines.get(0).contains(name.equals("trials") ? "trial_id" : "config_id")
                    || lines.get(0).startsWith("comparison"), lines.get(0));
        }
        assertEquals(4, Files.readAllLines(OUTPUT.resolve("csv").resolve("failure_lengths.csv")).size());
        assertEquals(List.of(String.join(",", AnalysisTables.guardPairSchema().fieldNames())),
                Files.readAllLines(OUTPUT.resolve("csv").resolve("guard_pairs.csv")), "a header and no pair");
    }

    @Test
    void failureLengthsFollowEachMethodAcrossItsLengthsAndNameSummaryRows(SparkSession spark) {
        // Three methods (BPTT, LRA a=0, LRA a=1), each at T = 10 and 12; no configuration runs without the guard.
        List<Row> f = spark.read().parquet(OUTPUT.resolve("failure_lengths").toString()).collectAsList();
        assertEquals(3, f.size());
        Map<String, Row> summary = new HashMap<>();
        spark.read().parquet(OUTPUT.resolve("summary").toString()).collectAsList().forEach(r -> summary.put(r.getAs("config_id"), r));
        for (Row r : f) {
            assertEquals("10 12", r.getAs("lengths"));
            for (String end : new String[] {"last_at_least_half", "first_below_half"}) {
                String id = r.getAs(end + "_config_id");
                if (id == null) {
                    continue;
                }
                Row s = summary.get(id);
                assertEquals(s.<Integer>getAs("length"), r.<Integer>getAs(end + "_length"));
                assertEquals(s.<Integer>getAs("solved"), r.<Integer>getAs(end + "_solved"));
                assertEquals(s.<Double>getAs("success_ci_low"), r.<Double>getAs(end + "_ci_low"));
                assertEquals(end.startsWith("last"), s.<Double>getAs("success_rate") >= 0.5, end + " of " + r.getAs("label"));
            }
        }
        assertEquals(0, spark.read().parquet(OUTPUT.resolve("guard_pairs").toString()).count());
    }

    @Test
    void theReportOpensInChromiumWithEveryFigureLoaded() throws Exception {
        Path index = OUTPUT.resolve("report").resolve("index.html");
        String html = Files.readString(index);
        int figures = count(html, "<img ");
        // One task at two lengths: success (1), time to solve and Kaplan-Meier (2 + 2), Whh and Wxh norms (4), learning
        // curves (2), stability (2).
        assertEquals(13, figures);
        assertTrue(html.contains("7. Comparisons") && html.contains("10. Provenance") && html.contains("report-test"));
        assertTrue(html.contains("8. Where success falls with length") && html.contains("T 10: "), "the failure lengths' table");
        assertTrue(html.substring(html.indexOf("9. The Omega guard, both ways</h2>"), html.indexOf("10. Provenance"))
                .contains("None in this sweep."), "no guard-off configuration here");
        assertTrue(html.contains("5. Stability: best against final accuracy") && html.contains("stability_temporal-order_T10.png"));
        // Provenance times in UTC, whatever the JVM's zone: the earliest started_at of the trials table.
        java.time.Instant first = analysis.overview.firstStarted();
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(first);
        assertTrue(html.contains("<th>first trial started</th><td>" + utc + " UTC</td>"), utc);
        assertTrue(html.contains("<tr><th>OpenBLAS cores</th><td>" + org.lrasweep.kernel.linalg.BlasCore.name() + " (18 trials)</td></tr>"));
        assertFalse(Files.list(OUTPUT).anyMatch(p -> p.getFileName().toString().startsWith("_tmp-report")), "no temporary report left");
        String chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(p -> new File(p).canExecute()).findFirst()
                .orElseThrow(() -> new AssertionError("headless Chromium is needed: apt-get install chromium (submit/test.sh does)"));
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> flags = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000");
        String dom = run(concat(flags, "--dump-dom", index.toUri().toString()));
        Matcher m = Pattern.compile("data-figures-loaded=\"(\\d+)/(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the page's load check did not run");
        assertEquals(figures, Integer.parseInt(m.group(2)));
        assertEquals(m.group(2), m.group(1), "figures loaded / present");
        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        run(concat(flags, "--window-size=1600,4000", "--screenshot=" + screenshot, index.toUri().toString()));
        assertTrue(Files.size(screenshot) > 50_000, "screenshot of the report");
    }

    @Test
    void theCommandsRerunTheAnalysisOnAnOutputFolder() throws IOException {
        Files.delete(OUTPUT.resolve("csv").resolve("summary.csv"));
        StringWriter out = new StringWriter();
        int status = org.lrasweep.sweep.SweepMain.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "summarize", OUTPUT.toString());
        assertEquals(0, status);
        assertTrue(out.toString().contains("summary of 18 trials in 6 configurations, 12 comparisons"), out.toString());
        assertTrue(Files.size(OUTPUT.resolve("csv").resolve("summary.csv")) > 0);
        StringWriter err = new StringWriter();
        assertEquals(2, org.lrasweep.sweep.SweepMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "report", OUTPUT.resolve("no-such-sweep").toString()));
        assertTrue(err.toString().startsWith("error: no tables under "), err.toString());
    }

    /** The output's current tables version. */
    private static String currentTables() throws IOException {
        return org.lrasweep.sweep.run.TableVersions.current(org.apache.hadoop.fs.FileSystem.getLocal(
                new org.apache.hadoop.conf.Configuration()), OUTPUT.toString()).orElseThrow().toString();
    }

    private static List<String> concat(List<String> a, String... b) {
        return Stream.concat(a.stream(), Stream.of(b)).toList();
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium timed out");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
