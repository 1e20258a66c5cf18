package org.lrasweep.sweep.run;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.analysis.Analysis;
import org.lrasweep.sweep.analysis.SweepAnalysis;

/** Two sweeps' outputs as one shipped folder, from which the analysis comes out as from the originals. */
@ExtendWith(SparkSessionExtension.class)
class ConsolidationTest {
    @Test
    void theConsolidatedFolderAnalysesLikeItsSourcesWithoutAJournal(SparkSession spark, @TempDir Path tmp) throws IOException {
        // Seeds 1-2 in one output, 2-3 in another: seed 2's trials are in both and must come out once.
        SweepRunner.Outcome a = SweepRunnerTest.run(spark, SweepRunnerTest.spec(tmp.resolve("a"), "seeds=[1,2]"));
        SweepRunner.Outcome b = SweepRunnerTest.run(spark, SweepRunnerTest.spec(tmp.resolve("b"), "seeds=[2,3]"));
        Path dest = tmp.resolve("study");
        assertEquals(9, Consolidation.write(spark, List.of(a.output(), b.output()), dest.toString()));
        assertFalse(Files.exists(dest.resolve("journal")));
        assertFalse(Compactor.compact(spark, dest.toString(), s -> { }).written(), "nothing to compact: its manifest is empty");

        List<Row> trials = TrialsTable.read(spark, dest.toString()).orderBy("trial_id").collectAsList();
        assertEquals(9, trials.size());
        assertEquals(9, trials.stream().map(r -> r.getString(0)).distinct().count());
        // Diagnostics of the first, middle, best and last check only, all of them; every curve row.
        org.apache.spark.sql.Dataset<Row> kept = SweepRunnerTest.tables(spark, dest, "gradients").select("trial_id", "iteration").distinct();
        org.apache.spark.sql.Dataset<Row> wanted = ProfileCheck.of(SweepRunnerTest.tables(spark, dest, "curves"))
                .select("trial_id", "iteration").distinct();
        assertEquals(0, wanted.except(kept).count(), "every profiled check kept");
        assertEquals(0, kept.except(wanted).count(), "no other check kept");
        assertTrue(wanted.count() > 9, "more than one check per trial");
        assertEquals(trials.stream().mapToLong(r -> r.<Integer>getAs("iterations") / 5).sum(),
                SweepRunnerTest.tables(spark, dest, "curves").count());

        // Its analysis is the union's: three seeds per configuration, as a sweep of seeds 1-3 would say.
        SweepAnalysis s = Analysis.run(spark, dest.toString(), true, new PrintWriter(new StringWriter()));
        assertEquals(3, s.summaries.size());
        s.summaries.forEach(c -> assertEquals(3, c.trials(), c.config().label()));
        assertTrue(Files.exists(dest.resolve("report/index.html")));
        assertEquals(3, SweepRunnerTest.tables(spark, dest, "trials").where(col("seed").equalTo(2)).count(), "seed 2 once per configuration");

        IllegalArgumentException exists = assertThrows(IllegalArgumentException.class,
                () -> Consolidation.write(spark, List.of(a.output()), dest.toString()));
        assertTrue(exists.getMessage().endsWith(": exists (consolidate into a new folder)"), exists.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Consolidation.write(spark, List.of(tmp.resolve("nothing").toString()), tmp.resolve("d2").toString()));
        assertTrue(empty.getMessage().endsWith(": no tables (run a sweep into it first)"), empty.getMessage());
        assertFalse(Files.exists(tmp.resolve("d2")), "nothing half-written");
    }
}
