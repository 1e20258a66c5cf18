package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * Sweeps into S3 through S3A (hadoop-aws) against a real S3 server on loopback (S3Mock, which
 * honours {@code If-None-Match: *}): the conditional-PUT commit is detected and used, two drivers on
 * one output and a task killed after its commit leave each trial once, the tables equal local
 * mode's, and with conditional writes off the unique-names fallback and its duplicate rule hold.
 */
@ExtendWith(SparkSessionExtension.class)
class S3OutputTest {
    private static Process server;
    private static int httpPort;
    private static Path store;
    private static final String[] KEYS = {"fs.s3a.endpoint", "fs.s3a.path.style.access", "fs.s3a.access.key", "fs.s3a.secret.key",
        "fs.s3a.endpoint.region", "fs.s3a.connection.ssl.enabled", "fs.s3a.create.conditional.enabled"};

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        httpPort = freePort();
        store = Files.createTempDirectory("s3mock-store");
        Path log = Path.of("target/s3mock/server.log");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                "target/s3mock/s3mock.jar", "--server.address=127.0.0.1", "--server.port=" + freePort(),
                "--com.adobe.testing.s3mock.httpPort=" + httpPort, "--com.adobe.testing.s3mock.store.initialBuckets=bucket",
                "--com.adobe.testing.s3mock.store.root=" + store, "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!Files.readString(log).contains("Started S3MockApplication")) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Mock did not start: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.destroy();
        }
        for (String key : KEYS) {
            System.clearProperty("spark.hadoop." + key);
        }
        System.clearProperty("spark.hadoop.fs.s3a.impl.disable.cache");
    }

    @AfterEach
    void clear() {
        TrialTask.faultInjector = null;
    }

    /** The S3A settings, as spark-submit --conf spark.hadoop.* would give them: to the session and as system properties. */
    private static void settings(SparkSession spark, boolean conditional) {
        String[] values = {"http://127.0.0.1:" + httpPort, "true", "lra", "sweep", "us-east-1", "false", String.valueOf(conditional)};
        for (int i = 0; i < KEYS.length; i++) {
            spark.sparkContext().hadoopConfiguration().set(KEYS[i], values[i]);
            System.setProperty("spark.hadoop." + KEYS[i], values[i]);
        }
        // A fresh S3A instance per setting: the conditional flag is read when one is created.
        spark.sparkContext().hadoopConfiguration().set("fs.s3a.impl.disable.cache", "true");
        System.setProperty("spark.hadoop.fs.s3a.impl.disable.cache", "true");
    }

    private static SweepSpec spec(Path tmp, String output) {
        return SweepRunnerTest.spec(tmp.resolve("unused"), "output=\"" + output + "\"");
    }

    static Map<String, List<Object>> results(SparkSession spark, String output) throws IOException {
        Map<String, List<Object>> m = new TreeMap<>();
        for (Row r : TrialsTable.read(spark, output).collectAsList()) {
            m.put(r.getAs("trial_id"), List.of(r.getAs("status"), r.getAs("iterations"), r.<Object>getAs("best_accuracy") == null ? "null"
                    : r.getAs("best_accuracy"), r.<Object>getAs("final_accuracy") == null ? "null" : r.getAs("final_accuracy")));
        }
        return m;
    }

    private static List<FileStatus> journalTrials(SparkSession spark, String output) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(output + "/journal/trials");
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<FileStatus> out = new ArrayList<>();
        for (FileStatus f : fs.listStatus(dir)) {
            if (f.getPath().getName().endsWith(".parquet")) {
                out.add(f);
            }
        }
        return out;
    }

    static String record(SparkSession spark, String output, String runId) throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(output + "/runs/" + runId + ".conf");
        try (var in = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Two drivers on one output at once. */
    static List<SweepRunner.Outcome> twoDrivers(SparkSession spark, SweepSpec spec) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SweepRunner.Outcome>> runs = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                runs.add(pool.submit(() -> SweepRunnerTest.run(spark, spec)));
            }
            List<SweepRunner.Outcome> out = new ArrayList<>();
            for (Future<SweepRunner.Outcome> f : runs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void conditionalPutsCommitEachTrialOnceAcrossTwoDriversAndAKilledTaskAndEqualLocalMode(SparkSession spark, @TempDir Path tmp)
            throws Exception {
        settings(spark, true);
        Map<String, List<Object>> local = results(spark, SweepRunnerTest.run(spark, SweepRunnerTest.spec(tmp.resolve("local"))).output());

        String output = "s3a://bucket/conditional";
        List<SweepRunner.Outcome> drivers = twoDrivers(spark, spec(tmp, output));
        assertEquals(9, drivers.get(0).ran() + drivers.get(1).ran(), "each trial committed by one driver");
        assertTrue(record(spark, output, drivers.get(0).runId()).contains("# commit_protocol = conditional-create"));
        List<FileStatus> rows = journalTrials(spark, output);
        assertEquals(9, rows.size(), "one row per trial, under its exclusive name");
        assertTrue(rows.stream().allMatch(f -> f.getPath().getName().matches("[0-9a-f]{16}\\.parquet")));
        assertEquals(local, results(spark, output), "the same trials, bit for bit, as local mode");

        // A task killed after its commit: its retry finds the row and commits nothing again.
        String killed = "s3a://bucket/killed";
        SweepSpec spec = spec(tmp, killed);
        String victim = org.lrasweep.sweep.grid.GridExpander.expand(spec).get(4).trialId();
        AtomicInteger injected = SweepRunnerTest.killAfterCommit(victim);
        SweepRunner.Outcome o = SweepRunnerTest.run(spark, spec);
        assertEquals(1, injected.get());
        assertEquals(9, journalTrials(spark, killed).size());
        assertEquals(local, results(spark, killed));
        assertEquals(9L, o.statuses().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void withoutConditionalWritesEveryAttemptHasItsOwnNameAndReadersKeepOne(SparkSession spark, @TempDir Path tmp) throws Exception {
        settings(spark, false);
        String output = "s3a://bucket/unique";
        List<SweepRunner.Outcome> drivers = twoDrivers(spark, spec(tmp, output));
        assertTrue(record(spark, output, drivers.get(0).runId()).contains("# commit_protocol = unique-names"));
        List<FileStatus> rows = journalTrials(spark, output);
        assertTrue(rows.size() >= 9, "every attempt's row: " + rows.size());
        assertTrue(rows.stream().allMatch(f -> f.getPath().getName().matches("[0-9a-f]{16}\\.[0-9a-f]{32}\\.parquet")));
        Map<String, List<Object>> tables = results(spark, output);
        assertEquals(9, tables.size(), "each trial once in the tables, whichever rows exist");
        assertEquals(results(spark, SweepRunnerTest.run(spark, SweepRunnerTest.spec(tmp.resolve("local"))).output()), tables);
    }
}
