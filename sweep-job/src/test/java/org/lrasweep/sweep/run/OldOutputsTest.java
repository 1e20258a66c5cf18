package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.analysis.Analysis;
import org.lrasweep.sweep.analysis.SweepAnalysis;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * Outputs of earlier layouts, checked in under {@code src/test/resources/outputs}: {@code layout-1}
 * (one {@code learning_rate}, {@code clip} and {@code alpha} column for both algorithms, no
 * {@code config_id}) and {@code layout-2} (schema version 2, the last layout before the journal:
 * per-trial files at the output's top), both moved into the journal, and {@code layout-3} (schema
 * version 3: the journal and its compacted tables, before the {@code stage} column). All are
 * compacted, read, resumed and analysed by today's code.
 */
@ExtendWith(SparkSessionExtension.class)
class OldOutputsTest {
    /** The spec that wrote it (commit 9321426): BPTT with clip 2, LRA with c 0.5 and alpha 0 and 0.5. */
    private static final String SPEC = "name = legacy-v1\nseeds = [1, 2]\nlength = 10\nhidden = 8\nbatch = 4\ntest-size = 50\n"
            + "check-every = 5\nmax-iterations = 10\nlra.alpha = [0, 0.5]\nlra.k = 3\nlra.c = 0.5\nbptt.clip = 2\nspark.progress = false\n";

    private static Path copyOfOldOutput(Path tmp) throws IOException {
        return copyOfOldOutput(tmp, "layout-1");
    }

    private static Path copyOfOldOutput(Path tmp, String layout) throws IOException {
        Path source = Path.of("src", "test", "resources", "outputs", layout);
        Path out = tmp.resolve("out");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = out.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return out;
    }

    @Test
    void theOldColumnsAreReadAsTodaysByEachRowsAlgorithm(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = copyOfOldOutput(tmp);
        List<String> said = new java.util.ArrayList<>();
        Compactor.Result compacted = Compactor.compact(spark, out.toString(), said::add);
        assertEquals(6, compacted.migrated());
        assertEquals(List.of("moved 6 trials of the layout before the journal into " + out + "/journal"), said);
        for (String table : List.of("trials", "curves", "gradients")) {
            assertTrue(!Files.exists(out.resolve(table)), "the old folder is gone: " + table);
            try (Stream<Path> files = Files.list(out.resolve("journal").resolve(table))) {
                assertEquals(6, files.filter(f -> f.getFileName().toString().endsWith(".legacy.parquet")).count(), table);
            }
        }
        List<Row> rows = TrialsTable.read(spark, out.toString()).collectAsList();
        assertEquals(6, rows.size());
        for (Row r : rows) {
            boolean lra = "lra".equals(r.getAs("algorithm"));
            assertEquals(lra ? null : 0.1, r.<Double>getAs("bptt_learning_rate"));
            assertEquals(lra ? null : 2.0, r.<Double>getAs("bptt_clip"));
            assertEquals(lra ? null : 0.0, r.<Double>getAs("bptt_alpha"));
            assertEquals(lra ? 0.1 : null, r.<Double>getAs("lra_learning_rate"));
            assertEquals(lra ? 0.5 : null, r.<Double>getAs("lra_c"));
            assertTrue(!lra || List.of(0.0, 0.5).contains(r.<Double>getAs("lra_alpha")));
            assertEquals(lra ? 3 : null, r.<Integer>getAs("lra_k"));
            assertEquals(lra ? 0.0 : null, r.<Double>getAs("lra_momentum"), "declared later: the default it ran with");
            assertEquals(r.<Double>getAs("best_accuracy") >= 0.9 && Math.abs(r.<Double>getAs("final_accuracy") - 0.25) <= 0.1,
                    r.<Boolean>getAs("collapsed"), "derived where the file lacks it");
            assertTrue(r.isNullAt(r.fieldIndex("best_iteration")));
            assertEquals(org.lrasweep.sweep.grid.TrialId.configId(TrialsTable.values(r)), r.getAs("config_id"),
                    "derived from the parameters when compacted");
            assertEquals("legacy", r.getAs("commit_id"));
            assertEquals(1, r.<Integer>getAs("schema_version"), "the first layout, which had no version column");
        }
        assertTrue(List.of(rows.get(0).schema().fieldNames()).stream().noneMatch(List.of("learning_rate", "clip", "alpha")::contains));
    }

    @Test
    void theLayoutBeforeTheJournalKeepsItsIdsAndItsSchemaVersion(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = copyOfOldOutput(tmp, "layout-2");
        assertEquals(6, Compactor.compact(spark, out.toString(), s -> { }).migrated());
        List<Row> rows = TrialsTable.read(spark, out.toString()).collectAsList();
        assertEquals(6, rows.size());
        for (Row r : rows) {
            assertEquals(2, r.<Integer>getAs("schema_version"), "as written");
            assertEquals(org.lrasweep.sweep.grid.TrialId.configId(TrialsTable.values(r)), r.getAs("config_id"));
            assertEquals("legacy", r.getAs("commit_id"));
            assertTrue(r.isNullAt(r.fieldIndex("run_id")));
            assertTrue(r.getAs("blas_core") != null && r.getAs("best_iteration") != null);
        }
        long curveRows = SweepRunnerTest.tables(spark, out, "curves").count();
        assertEquals(rows.stream().mapToLong(r -> r.<Integer>getAs("iterations") / 5).sum(), curveRows, "every check's row, once");
    }

    @Test
    void tablesWrittenBeforeStagesReadAsAGrid(SparkSession spark, @TempDir Path tmp) throws IOException {
        // Written by commit 1f31668 with SPEC: a journal and one compacted version, schema version 3.
        Path out = copyOfOldOutput(tmp, "layout-3");
        List<Row> rows = TrialsTable.read(spark, out.toString()).collectAsList();
        assertEquals(6, rows.size());
        for (Row r : rows) {
            assertEquals(3, r.<Integer>getAs("schema_version"), "as written");
            assertEquals("grid", r.getAs("stage"), "every trial before adaptive sweeps ran on a fixed grid");
            assertTrue(r.getAs("run_id") != null && r.getAs("commit_id") != null);
        }
        // The copy gave the journal files new times, so compaction rereads them into a version of today's layout.
        assertEquals(6, Compactor.compact(spark, out.toString(), s -> { }).reread());
        assertEquals(6, TrialsTable.read(spark, out.toString()).where(org.apache.spark.sql.functions.col("stage").equalTo("grid")).count());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"layout-1", "layout-2", "layout-3"})
    void aResumedSweepFindsEveryOldTrialCommittedAndTheAnalysisReadsThem(String layout, SparkSession spark, @TempDir Path tmp)
            throws IOException {
        Path out = copyOfOldOutput(tmp, layout);
        SweepSpec spec = SpecParser.parse(ConfigFactory.parseString(SPEC + "output = \"" + out + "\""), List.of());
        // Trial ids did not change: the old files are the commits of today's grid.
        SweepRunner.Outcome again = SweepRunner.run(spark, spec, GridExpander.expand(spec), new PrintStream(PrintStream.nullOutputStream()));
        assertEquals(6, again.alreadyCommitted());
        assertEquals(0, again.ran());
        // A grown grid adds new-layout files beside the old ones; the table reads as one.
        SweepSpec grown = SpecParser.parse(ConfigFactory.parseString(SPEC + "output = \"" + out + "\""), List.of("seeds=[1,2,3]"));
        assertEquals(3, SweepRunner.run(spark, grown, GridExpander.expand(grown), new PrintStream(PrintStream.nullOutputStream())).ran());
        SweepAnalysis a = Analysis.run(spark, out.toString(), false, new PrintWriter(new StringWriter()));
        assertEquals(9, a.overview.trials());
        assertEquals(3, a.summaries.size());
        a.summaries.forEach(s -> assertEquals(3, s.trials(), s.config().label()));
        // alpha 0.5 against its alpha 0 twin; both LRA configurations against BPTT; the three methods' bests pairwise.
        assertEquals(6, a.comparisons.size());
    }
}
