package org.lrasweep.sweep.run;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.kernel.train.CurvePoint;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.kernel.train.TrialResult;
import org.lrasweep.kernel.train.TrialStatus;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.analysis.Analysis;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * Adaptive sweeps on a real local Spark: the scheduling with a stand-in for training whose success
 * probability is the BPTT learning rate (so the decisions are known and quick), interrupted between
 * waves and within one; and one end-to-end sweep of real trials through selection, confirmation
 * and the report.
 */
@ExtendWith(SparkSessionExtension.class)
class AdaptiveSweepTest {
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    /** Three BPTT configurations that solve with probability 0.05, 0.5 and 0.95; a pool of 8 in waves of 2; 4 confirmation seeds. */
    private static final String STAND_IN = "name = adaptive\nseeds = {from = 1, to = 8}\nalgorithm = bptt\nlength = 10\nhidden = 8\n"
            + "batch = 4\ntest-size = 50\ncheck-every = 5\nmax-iterations = 15\nbptt.learning-rate = [0.05, 0.5, 0.95]\n"
            + "spark.progress = false\n"
            + "adaptive { enabled = true, wave = 2, min-seeds = 2, group-by = [task, length, method], confirm-seeds = {from = 101, to = 104} }\n";

    @AfterEach
    void clearSeams() {
        TrialTask.trainer = null;
        TrialTask.faultInjector = null;
        AdaptiveRunner.afterWave = null;
    }

    /** Solved with probability = the learning rate, decided by the seed alone: the same trial always has the same outcome. */
    private static TrialResult standIn(TrialConfig c) {
        double p = c.bptt().learningRate();
        boolean solved = new SplittableRandom(c.seed() * 1_000_003L + Double.hashCode(p)).nextDouble() < p;
        return new TrialResult(c, solved ? TrialStatus.SOLVED : TrialStatus.MAX_ITERATIONS, solved ? 10 : 15, solved ? 10 : -1,
                solved ? 1.0 : 0.5, solved ? 1.0 : 0.5, 0.1, 0.01, 0, List.of(new CurvePoint(5, 0.5, Double.NaN, 0.5, solved ? 1.0 : 0.5)),
                List.of());
    }

    private static SweepSpec spec(Path out) {
        return SpecParser.parse(ConfigFactory.parseString(STAND_IN + "output = \"" + out + "\""), List.of());
    }

    private static SweepRunner.Outcome run(SparkSession spark, SweepSpec spec) throws IOException {
        TrialTask.trainer = AdaptiveSweepTest::standIn;
        return SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET);
    }

    private static List<Row> allocation(SparkSession spark, String output) throws IOException {
        return AllocationTable.read(spark, output).orElseThrow();
    }

    /** What the tables say was run: trial, seed, status and stage, in trial order. */
    private static List<Row> trials(SparkSession spark, String output) throws IOException {
        return TrialsTable.read(spark, output).select("trial_id", "config_id", "seed", "status", "stage").orderBy("trial_id").collectAsList();
    }

    @Test
    void aResumedSweepEqualsAnUninterruptedOneWhereverItWasKilled(SparkSession spark, @TempDir Path tmp) throws IOException {
        SweepSpec whole = spec(tmp.resolve("whole"));
        SweepRunner.Outcome o = run(spark, whole);
        List<Row> allocation = allocation(spark, o.output());
        List<Row> trials = trials(spark, o.output());
        assertTrue(allocation.stream().anyMatch(r -> "dominated".equals(r.getAs("decision"))), allocation.toString());
        assertEquals(trials.size(), trials.stream().map(r -> r.getString(0)).distinct().count(), "each trial once");
        assertTrue(o.trials() < 3 * 8 + 4, "fewer trials than the whole pool: " + o.summary("adaptive"));
        assertEquals(o.trials(), trials.size());

        // Killed between waves: the driver dies after wave 2's job; resubmitted, it continues.
        SweepSpec between = spec(tmp.resolve("between"));
        AdaptiveRunner.afterWave = wave -> {
            if (wave == 2) {
                throw new IllegalStateException("driver killed after wave 2");
            }
        };
        assertThrows(IllegalStateException.class, () -> run(spark, between));
        AdaptiveRunner.afterWave = null;
        List<Row> half = allocation(spark, new org.apache.hadoop.fs.Path(between.output()).toUri().getPath());
        assertTrue(half.stream().allMatch(r -> r.<Integer>getAs("wave") == 1), "wave 2 was run but not yet decided");
        SweepRunner.Outcome resumed = run(spark, between);
        assertEquals(allocation, allocation(spark, resumed.output()));
        assertEquals(trials, trials(spark, resumed.output()));

        // Killed in the middle of a wave: after four trials, every attempt dies between a trial's details and its row.
        SweepSpec within = spec(tmp.resolve("within"));
        AtomicInteger trialsSoFar = new AtomicInteger();
        TrialTask.faultInjector = new TrialTask.FaultInjector() {
            @Override
            public void afterDetails(String trialId, int attempt) {
                if (trialsSoFar.incrementAndGet() > 4) {
                    throw new IllegalStateException("executor lost");
                }
            }
        };
        assertThrows(Exception.class, () -> run(spark, within));
        TrialTask.faultInjector = null;
        SweepRunner.Outcome again = run(spark, within);
        assertEquals(4, again.alreadyCommitted(), again.summary("adaptive"));
        assertEquals(allocation, allocation(spark, again.output()));
        assertEquals(trials, trials(spark, again.output()));
        // Nothing to do on a finished sweep, and the same allocation again.
        SweepRunner.Outcome idle = run(spark, within);
        assertEquals(0, idle.ran());
        assertEquals(allocation, allocation(spark, idle.output()));
    }

    @Test
    void confirmationRunsEachWinnerOnTheFreshSeedsOnly(SparkSession spark, @TempDir Path tmp) throws IOException {
        SweepRunner.Outcome o = run(spark, spec(tmp.resolve("out")));
        Dataset<Row> t = TrialsTable.read(spark, o.output());
        List<Row> winners = allocation(spark, o.output()).stream().filter(r -> r.<Boolean>getAs("winner")).toList();
        assertEquals(1, winners.stream().map(r -> r.getAs("config_id")).distinct().count(), "one group, one winner");
        String winner = winners.get(0).getAs("config_id");
        List<Row> confirmation = t.where(col("stage").equalTo("confirmation")).select("config_id", "seed").collectAsList();
        assertEquals(4, confirmation.size());
        assertTrue(confirmation.stream().allMatch(r -> r.getString(0).equals(winner) && r.getLong(1) >= 101 && r.getLong(1) <= 104));
        assertEquals(0, t.where(col("stage").equalTo("selection").and(col("seed").gt(8))).count(), "selection uses the pool only");
        assertEquals(0, t.where(col("stage").equalTo("grid")).count());
        // status plans what the driver asks for, not the whole pool: a finished adaptive sweep has nothing pending.
        StringWriter text = new StringWriter();
        assertEquals(0, org.lrasweep.sweep.SweepMain.run(new PrintWriter(text, true), new PrintWriter(new StringWriter(), true), "status",
                new org.apache.hadoop.fs.Path(o.output()).toUri().getPath()));
        String s = text.toString();
        assertTrue(s.contains(": " + o.trials() + " of " + o.trials() + " trials committed, 0 pending"), s);
        assertTrue(s.contains("adaptive: the plan above is the selection as it stands (over)"), s);
        assertTrue(s.contains("winner of [task=temporal-order, length=10, method=bptt]: "), s);
    }

    @Test
    void aRealAdaptiveSweepRunsEndToEndWithItsReport(SparkSession spark, @TempDir Path tmp) throws IOException {
        // Real training: three tiny configurations (BPTT and LRA at alpha 0 and 1), a pool of 4 in waves of 2.
        SweepSpec spec = SpecParser.parse(ConfigFactory.parseString("name = real\nseeds = {from = 1, to = 4}\nlength = 10\nhidden = 8\n"
                + "batch = 4\ntest-size = 50\ncheck-every = 5\nmax-iterations = 15\nlra.alpha = [0, 1]\nlra.k = 3\nspark.progress = false\n"
                + "adaptive { enabled = true, wave = 2, min-seeds = 2, group-by = [method, regularized], confirm-seeds = [11, 12] }\n"
                + "output = \"" + tmp.resolve("real") + "\""), List.of());
        SweepRunner.Outcome o = SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET);
        assertEquals(o.trials(), o.statuses().values().stream().mapToLong(Long::longValue).sum());
        List<Row> allocation = allocation(spark, o.output());
        assertEquals(3, allocation.stream().filter(r -> r.<Boolean>getAs("winner")).map(r -> r.getAs("config_id")).distinct().count(),
                "three groups: BPTT, LRA and regularized LRA");
        assertEquals(6, TrialsTable.read(spark, o.output()).where(col("stage").equalTo("confirmation")).count());
        StringWriter printed = new StringWriter();
        Analysis.run(spark, o.output(), true, new PrintWriter(printed));
        Path out = Path.of(new org.apache.hadoop.fs.Path(o.output()).toUri().getPath());
        String html = Files.readString(out.resolve("report/index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Selection and confirmation"), "the report has its selection section");
        assertTrue(html.contains("selection_seeds.png"));
        assertTrue(Files.exists(out.resolve("report/selection_seeds.png")));
        List<String> summary = Files.readAllLines(out.resolve("csv/summary.csv"));
        assertTrue(summary.get(0).contains("confirmation_success_rate") && summary.get(0).contains("selection_decision"));
        assertEquals(4, summary.size(), "three configurations");
        assertTrue(summary.stream().skip(1).allMatch(l -> l.contains(",true,2,")), "each is a winner with 2 confirmation trials: " + summary);
        List<String> comparisons = Files.readAllLines(out.resolve("csv/comparisons.csv"));
        assertTrue(comparisons.size() > 1 && comparisons.stream().skip(1).allMatch(l -> l.contains(",confirmation,")), comparisons.toString());
        assertTrue(Files.readAllLines(out.resolve("csv/allocation.csv")).size() > 1);
        assertFalse(printed.toString().isEmpty());
        assertTrue(allocation.stream().allMatch(r -> "real".equals(r.getAs("sweep"))), "each row names its sweep");
        assertTrue(html.contains("<td>real</td>"), "the selection table names the sweep");

        // A table written before the sweep column: its rows get the sweep of their configurations' selection trials.
        org.apache.hadoop.fs.Path table = new org.apache.hadoop.fs.Path(o.output(), AllocationTable.NAME);
        org.apache.hadoop.fs.Path old = new org.apache.hadoop.fs.Path(o.output(), "allocation-old");
        spark.read().parquet(table.toString()).drop("sweep").write().parquet(old.toString());
        org.apache.hadoop.fs.FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.delete(table, true);
        fs.rename(old, table);
        assertFalse(java.util.Arrays.asList(spark.read().parquet(table.toString()).columns()).contains("sweep"));
        List<Row> upgraded = AllocationTable.read(spark, o.output()).orElseThrow();
        assertEquals(allocation.size(), upgraded.size());
        assertTrue(upgraded.stream().allMatch(r -> "real".equals(r.getAs("sweep"))), "derived from the trials");
    }
}
