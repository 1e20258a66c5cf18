package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.lrasweep.sweep.spec.SweepSpec;

/** The journal's exactly-once guarantees and its compaction into the tables, on a local Spark. */
@ExtendWith(SparkSessionExtension.class)
class CompactorTest {
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    @AfterEach
    void reset(SparkSession spark) {
        TrialTask.faultInjector = null;
        spark.conf().unset(SweepRunner.COMMIT_PROTOCOL);
    }

    /** Trials rows by trial id, and their curve rows' commit ids. */
    private static void assertEachTrialOnceWithItsOwnDetails(SparkSession spark, Path out, int trials) throws IOException {
        Dataset<Row> rows = SweepRunnerTest.tables(spark, out, "trials");
        assertEquals(trials, rows.count());
        assertEquals(trials, rows.select("trial_id").distinct().count());
        for (String table : List.of("curves", "gradients")) {
            Dataset<Row> details = SweepRunnerTest.tables(spark, out, table);
            assertEquals(0, details.join(rows, new String[] {"trial_id", "commit_id"}, "left_anti").count(),
                    table + " rows of another attempt than the trials row's");
        }
        long checks = rows.collectAsList().stream().mapToLong(r -> r.<Integer>getAs("iterations") / 5).sum();
        assertEquals(checks, SweepRunnerTest.tables(spark, out, "curves").count(), "one curve row per check, no attempt twice");
    }

    /** Each run record's id and its count of trials run. */
    private static Map<String, Long> ranByRecord(Path out) throws IOException {
        Map<String, Long> ran = new TreeMap<>();
        Pattern p = Pattern.compile("(?s).*# run_id = (\\S+).*, ran = (\\d+).*");
        try (Stream<Path> records = Files.list(out.resolve("runs"))) {
            for (Path r : records.filter(f -> f.getFileName().toString().endsWith(".conf")).toList()) {
                Matcher m = p.matcher(Files.readString(r));
                assertTrue(m.matches(), r.toString());
                ran.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return ran;
    }

    /** Two runs of one spec, released at the same moment from two threads (each its own driver loop and run record). */
    private static List<SweepRunner.Outcome> twoDriversAtOnce(SparkSession spark, SweepSpec spec, List<TrialSpec> trials) {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<CompletableFuture<SweepRunner.Outcome>> drivers = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            drivers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return SweepRunner.run(spark, spec, trials, QUIET);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return drivers.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void twoDriversAtTheSameMomentCommitEveryTrialOnceAndTheirRecordsSayWhoRanWhat(SparkSession spark, @TempDir Path tmp)
            throws Exception {
        Path out = tmp.resolve("out");
        // One task each, so that both walk the same nine trials in the same order at the same time on the two cores.
        SweepSpec spec = SweepRunnerTest.spec(out, "spark.partitions=1");
        List<TrialSpec> trials = GridExpander.expand(spec);
        List<SweepRunner.Outcome> outcomes = twoDriversAtOnce(spark, spec, trials);
        assertEachTrialOnceWithItsOwnDetails(spark, out, 9);
        Map<String, Long> records = ranByRecord(out);
        assertEquals(2, records.size(), "one record per driver, none overwritten");
        Map<String, Long> rowsByRun = SweepRunnerTest.tables(spark, out, "trials").groupBy("run_id").count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1), Long::sum, TreeMap::new));
        records.forEach((run, ran) -> assertEquals(ran, rowsByRun.getOrDefault(run, 0L), "the rows carrying " + run));
        assertEquals(9L, records.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(9L, outcomes.stream().mapToLong(SweepRunner.Outcome::ran).sum());
        System.out.println("two drivers: " + records + " (trials run per driver's run id)");
    }

    @Test
    void withoutCreateIfAbsentBothAttemptsLandAndEveryReaderPicksTheSameOne(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        spark.conf().set(SweepRunner.COMMIT_PROTOCOL, "unique-names");
        SweepSpec spec = SweepRunnerTest.spec(out, "spark.partitions=1");
        List<TrialSpec> trials = GridExpander.expand(spec);
        twoDriversAtOnce(spark, spec, trials);
        assertEachTrialOnceWithItsOwnDetails(spark, out, 9);
        // A duplicate made by hand, an earlier attempt committed later: the rule picks it everywhere.
        TrialSpec victim = trials.get(0);
        Journal journal = new Journal(out.toUri().toString(), CommitProtocol.UNIQUE_NAMES);
        long now = System.currentTimeMillis();
        journal.commit("tiny", "by-hand", Stage.GRID, victim, new TrialOutcome(null, "IllegalStateException: attempt -1", "h", "e", -1, "v", "c",
                now, now + 1));
        Compactor.compact(spark, out.toString(), s -> { });
        assertEachTrialOnceWithItsOwnDetails(spark, out, 9);
        Row chosen = SweepRunnerTest.tables(spark, out, "trials").where("trial_id = '" + victim.trialId() + "'").first();
        assertEquals(-1, chosen.<Integer>getAs("attempt"));
        assertEquals("by-hand", chosen.getAs("run_id"));
        Row status = Compactor.trials(spark, out.toString()).where("trial_id = '" + victim.trialId() + "'").first();
        assertEquals("failed", status.getAs("status"), "status reads the same row");
    }

    @Test
    void aTaskKilledBetweenItsDetailsAndItsRowLeavesTheTrialPendingAndTheRetryAloneInTheTables(SparkSession spark,
                                                                                           @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = SweepRunnerTest.spec(out, "spark.partitions=2");
        String victim = GridExpander.expand(spec).get(3).trialId();
        AtomicInteger killed = new AtomicInteger();
        TrialTask.faultInjector = new TrialTask.FaultInjector() {
            @Override
            public void afterDetails(String trialId, int attempt) {
                if (trialId.equals(victim) && attempt == 0) {
                    killed.incrementAndGet();
                    throw new IllegalStateException("task killed between the details and the row");
                }
            }
        };
        SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET);
        assertEquals(1, killed.get());
        try (Stream<Path> curves = Files.list(out.resolve("journal/curves"))) {
            assertEquals(2, curves.filter(f -> f.getFileName().toString().startsWith(victim + ".")).count(),
                    "the dead attempt's details stay in the journal");
        }
        assertEachTrialOnceWithItsOwnDetails(spark, out, 9);
        Row row = SweepRunnerTest.tables(spark, out, "trials").where("trial_id = '" + victim + "'").first();
        assertEquals(1, row.<Integer>getAs("attempt"));
    }

    @Test
    void compactingTwiceChangesNothingAndAChangeMakesANewVersion(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = SweepRunnerTest.spec(out);
        SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET);
        String version = versions(out).get(0);
        List<String> before = SweepRunnerTest.tables(spark, out, "trials").collectAsList().stream().map(Row::toString).sorted().toList();
        Compactor.Result again = Compactor.compact(spark, out.toString(), s -> { });
        assertFalse(again.written());
        assertEquals(List.of(version), versions(out));
        assertEquals(before, SweepRunnerTest.tables(spark, out, "trials").collectAsList().stream().map(Row::toString).sorted().toList());

        // Partitioned by task and length, a few files per partition.
        Path trials = out.resolve("tables").resolve(version).resolve("trials");
        assertTrue(Files.isDirectory(trials.resolve("task=temporal-order").resolve("length=10")));
        // A withdrawn trial: the next version no longer has it, and only its trial was reread.
        String withdrawn = GridExpander.expand(spec).get(0).trialId();
        new Journal(out.toUri().toString(), CommitProtocol.LINK).withdraw(withdrawn);
        Compactor.Result changed = Compactor.compact(spark, out.toString(), s -> { });
        assertTrue(changed.written());
        assertEquals(1, changed.reread());
        assertEquals(8, SweepRunnerTest.tables(spark, out, "trials").count());
        assertEquals(0, SweepRunnerTest.tables(spark, out, "curves").where("trial_id = '" + withdrawn + "'").count());
        // Run again: the trial is back; three versions made, the two newest kept.
        SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET);
        assertEachTrialOnceWithItsOwnDetails(spark, out, 9);
        assertEquals(TableVersions.KEEP, versions(out).size());
    }

    @Test
    void anAbandonedVersionIsIgnoredByReadersAndPrunedLater(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepSpec spec = SweepRunnerTest.spec(out);
        SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET);
        // A compaction that died: a higher version without its marker.
        Path dead = Files.createDirectories(out.resolve("tables").resolve("v00000099-deadbeef").resolve("trials"));
        Files.writeString(dead.resolve("part-0.parquet"), "half");
        assertEquals(9, TrialsTable.read(spark, out.toString()).count());
        Files.setLastModifiedTime(dead.getParent(), java.nio.file.attribute.FileTime.fromMillis(0));
        new Journal(out.toUri().toString(), CommitProtocol.LINK).withdraw(GridExpander.expand(spec).get(0).trialId());
        Compactor.compact(spark, out.toString(), s -> { });
        assertFalse(Files.exists(dead.getParent()), "pruned once stale");
        assertTrue(versions(out).get(versions(out).size() - 1).startsWith("v00000100-"), "numbered past the dead one");
        // Had its writer only been slow, it could not complete the pruned version now.
        org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        IOException late = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> TableVersions.complete(fs,
                new org.apache.hadoop.fs.Path(dead.getParent().toUri()), "late"));
        assertTrue(late.getMessage().contains("was removed as abandoned while it was written"), late.getMessage());
        assertFalse(Files.exists(dead.getParent()));
    }

    private static List<String> versions(Path out) throws IOException {
        try (Stream<Path> v = Files.list(out.resolve("tables"))) {
            return v.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theCommitProtocolFollowsTheFileSystem() throws IOException {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        org.apache.hadoop.fs.FileSystem local = org.apache.hadoop.fs.FileSystem.getLocal(conf);
        assertEquals(CommitProtocol.LINK, CommitProtocol.of(local, new org.apache.hadoop.fs.Path("/tmp"), "auto"));
        assertEquals(CommitProtocol.UNIQUE_NAMES, CommitProtocol.of(local, new org.apache.hadoop.fs.Path("/tmp"), "unique-names"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CommitProtocol.of(local, new org.apache.hadoop.fs.Path("/tmp"), "atomic"));
        assertEquals("spark.lra-sweep.commit: unknown protocol 'atomic' (auto, link, rename, conditional-create, unique-names)",
                e.getMessage());
        assertTrue(Set.of(CommitProtocol.values()).stream().filter(CommitProtocol::exclusive).count() == 3);
    }
}
