package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.SweepMain;

/**
 * One output, one sweep: another name or grid is refused before anything runs, unless added with --add;
 * status then shows both. A driver sharing an output can leave the summary and report to another
 * (--no-report).
 */
@ExtendWith(SparkSessionExtension.class)
class OutputSweepsTest {
    private static final String TINY = "name = tiny\nseeds = {from = 1, to = 3}\nlength = 10\nhidden = 8\nbatch = 4\n"
            + "test-size = 50\ncheck-every = 5\nmax-iterations = 15\nalgorithm = bptt\nbptt.clip = [0, 1]\nspark.progress = false\n";

    private static int cli(StringWriter out, StringWriter err, String... args) {
        return SweepMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static long records(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            return s.count();
        }
    }

    @Test
    void anotherSweepOrGridIsRefusedUnlessAddedAndStatusThenCoversBoth(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path spec = Files.writeString(tmp.resolve("tiny.conf"), TINY + "output = \"" + out + "\"\n");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(new StringWriter(), err, "run", spec.toString()), err.toString());
        long before = records(out);

        StringWriter refused = new StringWriter();
        assertEquals(2, cli(new StringWriter(), refused, "run", spec.toString(), "seeds={from=1,to=4}"));
        assertEquals(1, refused.toString().strip().lines().count(), refused.toString());
        assertTrue(refused.toString().contains("holds sweep 'tiny' (6 trials); this spec is another grid of sweep 'tiny' "
                + "(8 trials, 6 of them shared): run with --add"), refused.toString());
        refused = new StringWriter();
        assertEquals(2, cli(new StringWriter(), refused, "run", spec.toString(), "name=other"));
        assertTrue(refused.toString().contains("this spec is sweep 'other' (6 trials, 6 of them shared)"), refused.toString());
        assertEquals(before, records(out), "a refused run writes nothing, not even its run record");

        StringWriter text = new StringWriter();
        assertEquals(0, cli(text, err, "run", spec.toString(), "--add", "seeds={from=1,to=4}"), err.toString());
        // The first grid again is a sweep the output holds: no --add needed, and nothing left to run.
        text = new StringWriter();
        assertEquals(0, cli(text, err, "run", spec.toString()), err.toString());
        assertTrue(text.toString().contains("all 6 trials already committed") || text.toString().contains("6 trials"), text.toString());

        text = new StringWriter();
        assertEquals(0, cli(text, err, "status", out.toString()), err.toString());
        String status = text.toString();
        assertTrue(status.startsWith("output holds 2 sweeps (added with run --add): 'tiny', 'tiny'; 8 trials committed in all"), status);
        assertTrue(status.contains(": 8 of 8 trials committed, 0 pending"), status);
        assertTrue(status.contains(": 6 of 6 trials committed, 0 pending"), status);
    }

    @Test
    void runWithoutReportCommitsAndCompactsThenReportWritesTheSummary(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path spec = Files.writeString(tmp.resolve("tiny.conf"), TINY + "output = \"" + out + "\"\n");
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, cli(text, err, "run", spec.toString(), "--no-report"), err.toString());
        assertTrue(text.toString().contains("6 trials, 0 already committed, 6 run"), text.toString());
        assertTrue(text.toString().contains("summary and report not written (--no-report)"), text.toString());
        try (Stream<Path> s = Files.list(out.resolve("journal/trials"))) {
            assertEquals(6, s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count());
        }
        assertTrue(Files.isDirectory(out.resolve("tables")), "the trials are compacted");
        assertFalse(Files.exists(out.resolve("csv/trials.csv")), "no summary");
        assertFalse(Files.exists(out.resolve("report/index.html")), "no report");

        text = new StringWriter();
        assertEquals(0, cli(text, err, "report", out.toString()), err.toString());
        assertTrue(text.toString().contains("summary of 6 trials"), text.toString());
        assertTrue(Files.isRegularFile(out.resolve("csv/trials.csv")));
        assertTrue(Files.isRegularFile(out.resolve("report/index.html")));
    }
}
