package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.SweepMain;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * A damaged journal file (a truncated trials row, a curves file deleted, a gradients file of garbage)
 * stops no command: status names it and writes nothing, compact moves it to journal/damaged/ and
 * leaves its trial out, and the next run reruns that trial to the same result.
 */
@ExtendWith(SparkSessionExtension.class)
class DamagedJournalTest {
    @Test
    void damagedFilesAreNamedMovedAsideAndTheirTrialsRerun(SparkSession spark, @TempDir Path tmp) throws IOException {
        SweepSpec spec = SweepRunnerTest.spec(tmp.resolve("out"));
        SweepRunner.Outcome first = SweepRunnerTest.run(spark, spec);
        assertEquals(9, first.ran());
        Path out = tmp.resolve("out");
        Map<String, Row> before = rows(spark, out);
        assertEquals(9, before.size());
        Path journal = out.resolve("journal");
        double[] curveBefore = curve(spark, out, id(firstTrials(journal).get(1)));
        // As if the host crashed before compaction: the tables know nothing of these trials yet.
        deleteTree(out.resolve("tables"));
        List<Path> trials = firstTrials(journal);
        String truncated = id(trials.get(0));
        String noCurve = id(trials.get(1));
        String garbage = id(trials.get(2));
        byte[] whole = Files.readAllBytes(trials.get(0));
        Files.write(trials.get(0), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.delete(detail(journal, "curves", noCurve));
        Path gradients = detail(journal, "gradients", garbage);
        Files.write(gradients, "PAR1 this is not a parquet file PAR1".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // status: names each damaged file in a line, counts the three trials as pending, moves nothing.
        StringWriter text = new StringWriter();
        assertEquals(0, SweepMain.run(new PrintWriter(text, true), new PrintWriter(new StringWriter(), true), "status", out.toString()));
        String status = text.toString();
        assertTrue(status.contains(": 6 of 9 trials committed, 3 pending"), status);
        assertTrue(status.contains("journal/trials/" + truncated + ".parquet (trial " + truncated + ") is damaged: unreadable"), status);
        assertTrue(status.contains("(trial " + noCurve + ") is damaged: its curves file"), status);
        assertTrue(status.contains("is missing"), status);
        assertTrue(status.contains("journal/gradients/" + gradients.getFileName() + " (trial " + garbage + ") is damaged"), status);
        assertTrue(Files.exists(trials.get(0)), "status moves nothing");
        assertFalse(Files.exists(journal.resolve("damaged")));

        // compact: exit 0, the damaged files moved aside (never deleted), their trials left out.
        text = new StringWriter();
        assertEquals(0, SweepMain.run(new PrintWriter(text, true), new PrintWriter(new StringWriter(), true), "compact", out.toString()));
        assertTrue(text.toString().contains("moved to journal/damaged/trials/"), text.toString());
        assertTrue(Files.exists(journal.resolve("damaged/trials/" + truncated + ".parquet")));
        assertTrue(Files.exists(journal.resolve("damaged/trials/" + noCurve + ".parquet")));
        assertTrue(Files.exists(journal.resolve("damaged/gradients/" + gradients.getFileName())));
        assertTrue(Files.exists(journal.resolve("damaged/trials/" + garbage + ".parquet")), "its row too: its details are damaged");
        assertEquals(6, rows(spark, out).size());

        // The next run reruns exactly those three, to the same results, bit for bit.
        SweepRunner.Outcome again = SweepRunnerTest.run(spark, spec);
        assertEquals(3, again.ran());
        Map<String, Row> after = rows(spark, out);
        assertEquals(before.keySet(), after.keySet());
        for (String id : List.of(truncated, noCurve, garbage)) {
            for (String column : new String[] {"status", "iterations", "best_accuracy", "final_accuracy", "final_test_loss"}) {
                assertEquals(before.get(id).<Object>getAs(column), after.get(id).<Object>getAs(column), id + " " + column);
            }
        }
        assertArrayEquals(curveBefore, curve(spark, out, noCurve));
        assertTrue(curveBefore.length > 0);
    }

    private static Map<String, Row> rows(SparkSession spark, Path out) throws IOException {
        Map<String, Row> m = new TreeMap<>();
        SweepRunnerTest.tables(spark, out, "trials").collectAsList().forEach(r -> m.put(r.getAs("trial_id"), r));
        return m;
    }

    private static double[] curve(SparkSession spark, Path out, String trial) throws IOException {
        return SweepRunnerTest.tables(spark, out, "curves").where("trial_id = '" + trial + "'").orderBy("iteration")
                .select("test_accuracy").collectAsList().stream().mapToDouble(r -> r.getDouble(0)).toArray();
    }

    private static List<Path> firstTrials(Path journal) throws IOException {
        try (Stream<Path> s = Files.list(journal.resolve("trials"))) {
            return s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }

    private static String id(Path trialsFile) {
        String name = trialsFile.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    private static Path detail(Path journal, String table, String trial) throws IOException {
        try (Stream<Path> s = Files.list(journal.resolve(table))) {
            return s.filter(p -> p.getFileName().toString().startsWith(trial + ".")).findFirst().orElseThrow();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
