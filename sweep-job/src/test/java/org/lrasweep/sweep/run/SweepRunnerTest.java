package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;

/** The sweep on a real local Spark (two cores, three attempts per task). */
@ExtendWith(SparkSessionExtension.class)
class SweepRunnerTest {
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());
    /** 3 BPTT + 6 LRA trials, each a fraction of a second. */
    private static final String TINY = "name = tiny\nseeds = {from = 1, to = 3}\nlength = 10\nhidden = 8\nbatch = 4\n"
            + "test-size = 50\ncheck-every = 5\nmax-iterations = 15\nlra.alpha = [0, 1]\nlra.k = 3\nspark.progress = false\n";

    @AfterEach
    void clearFaults() {
        TrialTask.faultInjector = null;
    }

    static SweepSpec spec(Path out, String... overrides) {
        return SpecParser.parse(ConfigFactory.parseString(TINY + "output = \"" + out + "\""), List.of(overrides));
    }

    static SweepRunner.Outcome run(SparkSession spark, SweepSpec spec) throws IOException {
        return SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET);
    }

    @Test
    void runsEveryTrialOnceAndWritesAllThreeTables(SparkSession spark, @TempDir Path tmp) throws IOException {
        SweepSpec spec = spec(tmp.resolve("out"));
        SweepRunner.Outcome o = run(spark, spec);
        assertEquals(9, o.trials());
        assertEquals(9, o.ran());
        assertEquals(9L, o.statuses().values().stream().mapToLong(Long::longValue).sum());
        // Counted by the tasks, and the same as read back from the table.
        assertEquals(SweepRunner.statusCounts(spark, o.output(), GridExpander.expand(spec)), o.statuses());
        Dataset<Row> trials = tables(spark, tmp.resolve("out"), "trials");
        assertEquals(9, trials.count());
        assertEquals(9, trials.select("trial_id").distinct().count());
        Set<String> expected = GridExpander.expand(spec).stream().map(TrialSpec::trialId).collect(Collectors.toSet());
        assertEquals(expected, Set.copyOf(trials.select("trial_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList()));
        Row bptt = trials.where("algorithm = 'bptt' AND seed = 2").first();
        assertEquals(10, bptt.<Integer>getAs("length"));
        assertEquals(0.1, bptt.<Double>getAs("bptt_learning_rate"));
        assertTrue(bptt.isNullAt(bptt.fieldIndex("lra_variant")));
        assertTrue(bptt.isNullAt(bptt.fieldIndex("lra_learning_rate")));
        assertEquals(org.lrasweep.kernel.linalg.BlasCore.name(), bptt.getAs("blas_core"));
        assertEquals("BPTT", bptt.getAs("method"));
        assertEquals("BPTT (eta 0.1, clip 1)", bptt.getAs("label"));
        Row lra = trials.where("algorithm = 'lra' AND seed = 2 AND lra_alpha = 1").first();
        assertEquals(3, lra.<Integer>getAs("lra_k"));
        assertTrue(lra.isNullAt(lra.fieldIndex("bptt_alpha")));
        long checks = tables(spark, tmp.resolve("out"), "curves").count();
        long stepRows = tables(spark, tmp.resolve("out"), "gradients").count();
        long checksRun = trials.collectAsList().stream().mapToLong(r -> r.<Integer>getAs("iterations") / 5).sum();
        assertEquals(checksRun, checks);
        assertEquals(checks * 10, stepRows);
        assertTrue(Files.list(tmp.resolve("out/runs")).count() >= 1);
    }

    @Test
    void aRerunRecomputesNothingAndAPartialOneOnlyWhatIsMissing(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = spec(out);
        run(spark, spec);
        Map<String, FileTime> before = modificationTimes(out.resolve("journal/trials"));
        SweepRunner.Outcome again = run(spark, spec);
        assertEquals(0, again.ran());
        assertEquals(9, again.alreadyCommitted());
        assertEquals(before, modificationTimes(out.resolve("journal/trials")));

        List<String> ids = before.keySet().stream().sorted().limit(2).toList();
        for (String id : ids) {
            Files.delete(out.resolve("journal/trials").resolve(id));
        }
        SweepRunner.Outcome partial = run(spark, spec);
        assertEquals(2, partial.ran());
        assertEquals(9, tables(spark, out, "trials").select("trial_id").distinct().count());

        // More seeds later: only the new trials run.
        SweepRunner.Outcome grown = run(spark, spec(out, "seeds={from=1,to=4}"));
        assertEquals(12, grown.trials());
        assertEquals(3, grown.ran());
    }

    @Test
    void aTaskThatDiesAfterCommittingIsRetriedWithoutDuplicates(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = spec(out, "spark.partitions=2");
        String victim = GridExpander.expand(spec).get(4).trialId();
        AtomicInteger injected = killAfterCommit(victim);
        SweepRunner.Outcome o = run(spark, spec);
        assertEquals(1, injected.get(), "the fault fired once and the retry succeeded");
        Dataset<Row> trials = tables(spark, out, "trials");
        assertEquals(9, trials.count());
        assertEquals(9, trials.select("trial_id").distinct().count());
        Row victimRow = trials.where("trial_id = '" + victim + "'").first();
        assertEquals(0, victimRow.<Integer>getAs("attempt"), "the committed trial was not recomputed by the retry");
        assertEquals(9L, o.statuses().values().stream().mapToLong(Long::longValue).sum());
        long curveRows = tables(spark, out, "curves").where("trial_id = '" + victim + "'").count();
        assertEquals(victimRow.<Integer>getAs("iterations") / 5, curveRows);
    }

    @Test
    void resultsDoNotDependOnThePartitionCount(SparkSession spark, @TempDir Path tmp) throws IOException {
        run(spark, spec(tmp.resolve("one"), "spark.partitions=1"));
        run(spark, spec(tmp.resolve("three"), "spark.partitions=3"));
        assertEquals(table(spark, tmp.resolve("one"), "trials"), table(spark, tmp.resolve("three"), "trials"));
        assertEquals(table(spark, tmp.resolve("one"), "curves"), table(spark, tmp.resolve("three"), "curves"));
        assertEquals(table(spark, tmp.resolve("one"), "gradients"), table(spark, tmp.resolve("three"), "gradients"));
    }

    /** Fails the victim trial's first task attempt right after its commit, as an executor dying then would; counts the kills. */
    static AtomicInteger killAfterCommit(String victim) {
        AtomicInteger injected = new AtomicInteger();
        TrialTask.faultInjector = new TrialTask.FaultInjector() {
            @Override
            public void afterCommit(String trialId, int attempt) {
                if (trialId.equals(victim) && attempt == 0) {
                    injected.incrementAndGet();
                    throw new IllegalStateException("injected executor failure after committing " + trialId);
                }
            }
        };
        return injected;
    }

    /** Throws the given failure from the victim trial on the listed task attempts, and counts the throws. */
    private static AtomicInteger inject(String victim, java.util.function.Supplier<Throwable> failure, int... attempts) {
        AtomicInteger thrown = new AtomicInteger();
        TrialTask.faultInjector = new TrialTask.FaultInjector() {
            @Override
            public void beforeTrial(String trialId, int attempt) {
                if (trialId.equals(victim) && java.util.Arrays.stream(attempts).anyMatch(a -> a == attempt)) {
                    thrown.incrementAndGet();
                    Throwable t = failure.get();
                    if (t instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) t;
                }
            }
        };
        return thrown;
    }

    @Test
    void aTrialThatThrowsAnExceptionIsCommittedAsFailedOnceAndTheSweepGoesOn(SparkSession spark, @TempDir Path tmp)
            throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = spec(out);
        String victim = GridExpander.expand(spec).get(0).trialId();
        AtomicInteger thrown = inject(victim, () -> new IllegalStateException("injected"), 0, 1, 2);
        SweepRunner.Outcome o = run(spark, spec);
        assertEquals(1, thrown.get(), "an Exception is a result: no retry");
        assertEquals(1L, o.statuses().get("failed"));
        assertEquals(9L, o.statuses().values().stream().mapToLong(Long::longValue).sum());
        Row failed = tables(spark, out, "trials").where("status = 'failed'").first();
        assertEquals(victim, failed.getAs("trial_id"));
        assertEquals("IllegalStateException: injected", failed.getAs("error"));
        assertEquals(0, failed.<Integer>getAs("attempt"));
    }

    @Test
    void anErrorFailsTheTaskAndTheRetryRunsTheTrial(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = spec(out);
        String victim = GridExpander.expand(spec).get(0).trialId();
        AtomicInteger thrown = inject(victim, () -> new OutOfMemoryError("injected"), 0);
        SweepRunner.Outcome o = run(spark, spec);
        assertEquals(1, thrown.get());
        assertEquals(null, o.statuses().get("failed"), o.statuses().toString());
        assertEquals(9L, o.statuses().values().stream().mapToLong(Long::longValue).sum());
        Row row = tables(spark, out, "trials").where("trial_id = '" + victim + "'").first();
        assertEquals(1, row.<Integer>getAs("attempt"), "committed by Spark's second attempt");
        assertTrue(row.isNullAt(row.fieldIndex("error")));
        assertEquals(1, tables(spark, out, "trials").where("trial_id = '" + victim + "'").count());
    }

    @Test
    void anErrorOnEveryAttemptIsCommittedAsFailedOnTheLastAndRetryFailedRunsItAgain(SparkSession spark, @TempDir Path tmp)
            throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = spec(out);
        String victim = GridExpander.expand(spec).get(0).trialId();
        AtomicInteger thrown = inject(victim, () -> new StackOverflowError("injected"), 0, 1, 2);
        SweepRunner.Outcome o = run(spark, spec);
        assertEquals(3, thrown.get(), "the test session's local[2,3] gives a task three attempts");
        assertEquals(1L, o.statuses().get("failed"));
        Row failed = tables(spark, out, "trials").where("status = 'failed'").first();
        assertEquals(victim, failed.getAs("trial_id"));
        assertEquals(2, failed.<Integer>getAs("attempt"));
        assertEquals("StackOverflowError: injected (on the last of 3 attempts)", failed.getAs("error"));

        // A plain rerun keeps the failure; --retry-failed withdraws it and runs that trial alone.
        TrialTask.faultInjector = null;
        assertEquals(0, run(spark, spec).ran());
        Map<String, FileTime> before = modificationTimes(out.resolve("journal/trials"));
        SweepRunner.Outcome retried = SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET, true);
        assertEquals(1, retried.ran());
        assertEquals(null, retried.statuses().get("failed"), retried.statuses().toString());
        Map<String, FileTime> after = modificationTimes(out.resolve("journal/trials"));
        before.remove(victim + ".parquet");
        after.remove(victim + ".parquet");
        assertEquals(before, after, "no other trial was rewritten");
        assertEquals(9, tables(spark, out, "trials").count());
    }

    @Test
    void theAttemptsOfATaskComeFromTheMaster() {
        org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf(false);
        assertEquals(3, SweepRunner.maxTaskAttempts("local[2,3]", conf));
        assertEquals(2, SweepRunner.maxTaskAttempts("local[*, 2]", conf));
        assertEquals(1, SweepRunner.maxTaskAttempts("local[4]", conf));
        assertEquals(1, SweepRunner.maxTaskAttempts("local", conf));
        assertEquals(4, SweepRunner.maxTaskAttempts("spark://master:7077", conf));
        assertEquals(8, SweepRunner.maxTaskAttempts("yarn", conf.set("spark.task.maxFailures", "8")));
    }

    /** A table's rows without the columns that legitimately differ between runs, sorted. */
    private static List<String> table(SparkSession spark, Path out, String name) throws IOException {
        Dataset<Row> d = tables(spark, out, name);
        for (String c : new String[] {"wall_seconds", "executor_host", "executor_id", "attempt", "started_at", "finished_at",
            "commit_id", "run_id"}) {
            d = d.drop(c);
        }
        return d.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** One table of the output's current tables version. */
    static Dataset<Row> tables(SparkSession spark, Path out, String table) throws IOException {
        org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        return spark.read().parquet(TableVersions.current(fs, out.toString()).orElseThrow() + "/" + table);
    }

    private static Map<String, FileTime> modificationTimes(Path dir) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                times.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
            }
        }
        return times;
    }

    @Test
    void temporaryFilesLeftBeforeARunAreRemovedAndFreshOnesKept(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = spec(out);
        run(spark, spec);
        Path stale = Files.writeString(Files.createDirectories(out.resolve("journal/curves")).resolve("_tmp-dead-attempt.parquet"), "partial");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - SweepRunner.STALE_AFTER_MS - 60_000));
        Path fresh = Files.writeString(out.resolve("journal/trials").resolve("_tmp-live-attempt.parquet"), "being written");
        assertEquals(0, run(spark, spec).ran());
        assertTrue(!Files.exists(stale), "a temporary file older than the cutoff is gone");
        assertTrue(Files.exists(fresh), "one a driver beside us may be writing is kept");
    }

    @Test
    void everyTableCarriesItsSchemaVersion(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        run(spark, spec(out));
        for (String table : new String[] {"trials", "curves", "gradients"}) {
            List<Row> versions = tables(spark, out, table).select("schema_version").distinct().collectAsList();
            assertEquals(List.of(Tables.SCHEMA_VERSION), versions.stream().map(r -> r.getInt(0)).toList(), table);
        }
    }

    @Test
    void byDefaultTheTrialsAreDealtIntoFourTasksPerCore(SparkSession spark, @TempDir Path tmp) throws IOException {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        SweepSpec spec = spec(tmp.resolve("out"), "seeds={from=1,to=10}");
        SweepRunner.run(spark, spec, GridExpander.expand(spec), new PrintStream(log, true));
        // 30 trials on the test session's two cores: 4 x 2 = 8 tasks, not 30.
        assertTrue(log.toString().contains("30 trials (bptt 10, lra 20) in 8 partitions"), log.toString());
    }

    @Test
    void statusReadsTheOutputFolderAloneAndItsPlanIsThereFromTheStart(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        SweepSpec spec = spec(out);
        String victim = GridExpander.expand(spec).get(0).trialId();
        java.util.concurrent.atomic.AtomicBoolean planSeenMidRun = new java.util.concurrent.atomic.AtomicBoolean();
        TrialTask.faultInjector = new TrialTask.FaultInjector() {
            @Override
            public void beforeTrial(String trialId, int attempt) {
                try (var records = Files.list(out.resolve("runs"))) {
                    planSeenMidRun.compareAndSet(false, records.anyMatch(f -> {
                        try {
                            return Files.readString(f).contains("# finished_at = (running)");
                        } catch (IOException e) {
                            return false;
                        }
                    }));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (trialId.equals(victim)) {
                    throw new IllegalArgumentException("injected for status");
                }
            }
        };
        run(spark, spec);
        TrialTask.faultInjector = null;
        assertTrue(planSeenMidRun.get(), "the run record with the plan exists while trials run");
        List<String> ids = GridExpander.expand(spec).stream().map(TrialSpec::trialId).filter(id -> !id.equals(victim)).limit(2).toList();
        for (String id : ids) {
            Files.delete(out.resolve("journal/trials").resolve(id + ".parquet"));
        }
        java.io.StringWriter text = new java.io.StringWriter();
        assertEquals(0, org.lrasweep.sweep.SweepMain.run(new java.io.PrintWriter(text, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true), "status", out.toString()));
        String s = text.toString();
        assertTrue(s.startsWith("sweep 'tiny' (plan of "), s);
        assertTrue(s.contains(": 7 of 9 trials committed, 2 pending"), s);
        assertTrue(s.contains("failed " + victim + " (") && s.contains("IllegalArgumentException: injected for status"), s);
        assertTrue(s.contains("left: at most "), s);
        // Per configuration: three configurations of three seeds, two pending between them.
        assertEquals(3, s.lines().filter(l -> l.startsWith("temporal-order T=10 ")).count(), s);
    }
}
