package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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

/**
 * Checkpoints through the sweep: a longer budget extends the committed trials, a task killed after
 * a periodic checkpoint resumes from it, a damaged checkpoint is passed over, and each commits
 * exactly the rows, curves and gradients of the same trials run from scratch.
 */
@ExtendWith(SparkSessionExtension.class)
class CheckpointSweepTest {
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());
    /** BPTT and the four LRA kinds on two seeds: 10 trials, a second or two each at 500 iterations. */
    private static final String SPEC = "name = ck\nseeds = [1, 2]\nlength = 10\nhidden = 16\nbatch = 8\ntest-size = 100\n"
            + "check-every = 20\npatience = 1000\nbptt.learning-rate = 0.01\nlra { variant = [released, local], alpha = [0, 0.5] }\n"
            + "spark.progress = false\n";
    private static final String OUTCOME = "trial_id, status, iterations, solved_at, best_accuracy, best_iteration, final_accuracy, "
            + "final_test_loss, best_mistakes, final_mistakes, omega_zero_events, omega_guard_first";

    @AfterEach
    void clearFaults() {
        TrialTask.faultInjector = null;
    }

    private static SweepSpec spec(Path out, String... overrides) {
        return SpecParser.parse(ConfigFactory.parseString(SPEC + "output = \"" + out + "\""), List.of(overrides));
    }

    private static SweepRunner.Outcome run(SparkSession spark, SweepSpec spec) throws IOException {
        return SweepRunner.run(spark, spec, GridExpander.expand(spec), QUIET);
    }

    /** A table's rows of these trials as sorted strings, without the attempt's own columns. */
    private static List<String> rows(SparkSession spark, Path out, String table, String columns, List<TrialSpec> trials) throws IOException {
        return TrialsTable.only(SweepRunnerTest.tables(spark, out, table), trials.stream().map(TrialSpec::trialId).toList())
                .selectExpr(columns.split(",\\s*")).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static void assertSameTables(SparkSession spark, Path expected, Path actual, List<TrialSpec> trials) throws IOException {
        assertEquals(rows(spark, expected, "trials", OUTCOME, trials), rows(spark, actual, "trials", OUTCOME, trials));
        String curve = "trial_id, iteration, train_loss, target_loss, test_loss, test_accuracy";
        assertEquals(rows(spark, expected, "curves", curve, trials), rows(spark, actual, "curves", curve, trials));
        String gradients = "trial_id, iteration, step, local_loss, whh_norm, wxh_norm, bh_norm";
        assertEquals(rows(spark, expected, "gradients", gradients, trials), rows(spark, actual, "gradients", gradients, trials));
    }

    private static long files(Path dir, String containing) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().contains(containing)).count();
        }
    }

    @Test
    void aLongerBudgetExtendsTheCommittedTrialsAndEqualsAFreshSweep(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path extended = tmp.resolve("extended");
        run(spark, spec(extended, "max-iterations = 200"));
        SweepSpec longer = spec(extended, "max-iterations = 500");
        // What plan and status count: every trial of the longer budget has its twin's final state, at most 200 iterations in.
        java.util.Map<String, List<Checkpoints.Name>> index = new Checkpoints(extended.toUri().toString(), CommitProtocol.LINK).index();
        for (TrialSpec t : GridExpander.expand(longer)) {
            int saved = Checkpoints.savedIterations(t, index);
            assertTrue(saved > 0 && saved <= 200, t.trialId() + " saves " + saved);
        }
        SweepRunner.Outcome o = run(spark, longer);
        assertEquals(10, o.ran());
        Path fresh = tmp.resolve("fresh");
        run(spark, spec(fresh, "max-iterations = 500"));
        List<TrialSpec> trials = GridExpander.expand(longer);
        assertSameTables(spark, fresh, extended, trials);
        List<Row> origins = TrialsTable.only(SweepRunnerTest.tables(spark, extended, "trials"), trials.stream().map(TrialSpec::trialId).toList())
                .select("extended_from", "start_iteration", "status", "iterations").collectAsList();
        // Every trial came from its 200-iteration twin: continued from 200, or its result inherited where it had stopped earlier.
        assertTrue(origins.stream().allMatch(r -> !r.isNullAt(0)), origins.toString());
        long continued = origins.stream().filter(r -> r.<Integer>getAs(1) == 200 && r.<Integer>getAs(3) > 200).count();
        assertTrue(continued >= 3, origins.toString());
        assertEquals(0, files(extended.resolve("journal/checkpoints"), ".periodic."));
        assertEquals(20, files(extended.resolve("journal/checkpoints"), ".final."));
    }

    @Test
    void aTrialKilledAfterAPeriodicCheckpointResumesFromItAndADamagedOneIsPassedOver(SparkSession spark, @TempDir Path tmp)
            throws IOException {
        Path fresh = tmp.resolve("fresh");
        run(spark, spec(fresh, "max-iterations = 500"));
        // Two LRA trials are killed once each after a periodic checkpoint past iteration 100; the
        // second's checkpoint is truncated first, as a disk that lost its tail would leave it.
        Path out = tmp.resolve("killed");
        SweepSpec spec = spec(out, "max-iterations = 500", "checkpoint-every = 0.0002");
        List<TrialSpec> trials = GridExpander.expand(spec);
        List<TrialSpec> lra = trials.stream().filter(t -> t.config().lra() != null).toList();
        String resumed = lra.get(0).trialId();
        String damaged = lra.get(1).trialId();
        AtomicBoolean killedResumed = new AtomicBoolean();
        AtomicBoolean killedDamaged = new AtomicBoolean();
        TrialTask.faultInjector = new TrialTask.FaultInjector() {
            @Override
            public void afterCheckpoint(String trialId, int iteration, int attempt) {
                if (iteration >= 100 && trialId.equals(resumed) && killedResumed.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("injected kill of " + trialId + " at iteration " + iteration);
                }
                if (iteration >= 100 && trialId.equals(damaged) && killedDamaged.compareAndSet(false, true)) {
                    try (var files = Files.walk(out.resolve("journal/checkpoints"))) {
                        for (Path p : files.filter(p -> p.getFileName().toString().startsWith(trialId + ".")).toList()) {
                            byte[] bytes = Files.readAllBytes(p);
                            Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length / 2));
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    throw new OutOfMemoryError("injected kill of " + trialId + " at iteration " + iteration);
                }
            }
        };
        run(spark, spec);
        assertTrue(killedResumed.get() && killedDamaged.get());
        assertSameTables(spark, fresh, out, trials);
        Row r = TrialsTable.only(SweepRunnerTest.tables(spark, out, "trials"), List.of(resumed)).first();
        assertTrue(r.<Integer>getAs("start_iteration") >= 100, "resumed from " + r.getAs("start_iteration"));
        assertTrue(r.getAs("attempt").equals(1) && r.isNullAt(r.fieldIndex("extended_from")));
        Row d = TrialsTable.only(SweepRunnerTest.tables(spark, out, "trials"), List.of(damaged)).first();
        assertEquals(0, d.<Integer>getAs("start_iteration"));
        assertEquals(1, files(out.resolve("journal/damaged/checkpoints"), damaged));
        assertEquals(0, files(out.resolve("journal/checkpoints"), ".periodic."));
    }
}
