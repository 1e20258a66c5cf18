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

/** {@code run --no-report} commits and compacts every trial but writes no summary or report; {@code report} then writes them. */
@ExtendWith(SparkSessionExtension.class)
class RunWithoutReportTest {
    private static final String TINY = "name = tiny\nseeds = {from = 1, to = 2}\nlength = 10\nhidden = 8\nbatch = 4\n"
            + "test-size = 50\ncheck-every = 5\nmax-iterations = 15\nalgorithm = bptt\nbptt.clip = [0, 1]\nspark.progress = false\n";

    private static int cli(StringWriter out, StringWriter err, String... args) {
        return SweepMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static long committed(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("journal/trials"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    @Test
    void runsAndCompactsTheTrialsThenReportWritesTheSummary(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path spec = Files.writeString(tmp.resolve("tiny.conf"), TINY + "output = \"" + out + "\"\n");
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, cli(text, err, "run", spec.toString(), "--no-report"), err.toString());
        assertTrue(text.toString().contains("4 trials, 0 already committed, 4 run"), text.toString());
        assertTrue(text.toString().contains("summary and report not written (--no-report)"), text.toString());
        assertEquals(4, committed(out));
        assertTrue(Files.isDirectory(out.resolve("tables")), "the trials are compacted");
        assertFalse(Files.exists(out.resolve("csv/trials.csv")), "no summary");
        assertFalse(Files.exists(out.resolve("report/index.html")), "no report");

        text = new StringWriter();
        assertEquals(0, cli(text, err, "report", out.toString()), err.toString());
        assertTrue(text.toString().contains("summary of 4 trials"), text.toString());
        assertTrue(Files.isRegularFile(out.resolve("csv/trials.csv")));
        assertTrue(Files.isRegularFile(out.resolve("report/index.html")));
    }
}
