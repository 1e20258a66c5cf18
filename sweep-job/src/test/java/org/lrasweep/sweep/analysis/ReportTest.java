package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    void summaryCountsAgreeWithTheTrialsTable(SparkSession spark) {
        assertEquals(6, analysis.summaries.size()); // (bptt, lra a=0, lra a=1) x 2 lengths
        List<Row> summary = spark.read().parquet(OUTPUT.resolve("summary").toString()).collectAsList();
        assertEquals(6, summary.size());
        for (Row s : summary) {
            long solved = spark.read().parquet(OUTPUT.resolve("trials").toString())
                    .where("algorithm = '" + s.getAs("algorithm") + "' AND alpha = " + s.getAs("alpha")
                            + " AND length = " + s.getAs("length") + " AND status = 'solved'").count();
            assertEquals(solved, (long) s.<Integer>getAs("solved"));
            assertEquals(3, (int) s.<Integer>getAs("trials"));
            double rate = s.<Double>getAs("success_rate");
            assertTrue(s.<Double>getAs("success_ci_low") <= rate && rate <= s.<Double>getAs("success_ci_high"));
        }
        // alpha 1 against its alpha 0 twin and against BPTT, at each length.
        assertEquals(4, analysis.comparisons.size());
        assertEquals(4, spark.read().parquet(OUTPUT.resolve("comparisons").toString()).count());
    }

    @Test
    void csvCopiesExistWithHeaders() throws IOException {
        for (String name : new String[] {"trials", "summary", "comparisons", "learning_curves", "gradient_profiles"}) {
            List<String> lines = Files.readAllLines(OUTPUT.resolve("csv").resolve(name + ".csv"));
            assertTrue(lines.size() > 1, name);
            assertTrue(lines.get(0).contains(name.equals("trials") ? "trial_id" : "config_id")
                    || lines.get(0).startsWith("comparison"), lines.get(0));
        }
    }

    @Test
    void theReportOpensInChromiumWithEveryFigureLoaded() throws Exception {
        Path index = OUTPUT.resolve("report").resolve("index.html");
        String html = Files.readString(index);
        int figures = count(html, "<img ");
        // One task at two lengths: success (1), time to solve (2), Whh and Wxh norms (4), learning curves (2).
        assertEquals(9, figures);
        assertTrue(html.contains("6. Comparisons") && html.contains("7. Provenance") && html.contains("report-test"));
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
        assertTrue(out.toString().contains("summary of 18 trials in 6 configurations, 4 comparisons"), out.toString());
        assertTrue(Files.size(OUTPUT.resolve("csv").resolve("summary.csv")) > 0);
        StringWriter err = new StringWriter();
        assertEquals(2, org.lrasweep.sweep.SweepMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "report", OUTPUT.resolve("no-such-sweep").toString()));
        assertTrue(err.toString().startsWith("error: no trials table under "), err.toString());
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
