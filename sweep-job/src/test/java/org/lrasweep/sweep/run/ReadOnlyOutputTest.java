package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.ReadOnlyFileSystem;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.SweepMain;

/** status, plan and report --to read an output on a read-only file system and never try to write it. */
@ExtendWith(SparkSessionExtension.class)
class ReadOnlyOutputTest {
    @Test
    void readingCommandsWorkOnAReadOnlyOutputAndWriteNothing(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepRunner.Outcome o = SweepRunnerTest.run(spark, SweepRunnerTest.spec(out));
        assertEquals(9, o.ran());
        String readOnly = "ro://" + out;
        int refused = ReadOnlyFileSystem.REFUSED.get();

        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, SweepMain.run(new PrintWriter(text, true), new PrintWriter(err, true), "status", readOnly), err.toString());
        assertTrue(text.toString().contains(": 9 of 9 trials committed, 0 pending"), text.toString());

        Path spec = Files.writeString(tmp.resolve("s.conf"), "name = tiny\noutput = \"" + readOnly + "\"\nseeds = [1, 2, 3]\n");
        assertEquals(0, SweepMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "plan", spec.toString()),
                err.toString());

        Path elsewhere = tmp.resolve("elsewhere");
        text = new StringWriter();
        assertEquals(0, SweepMain.run(new PrintWriter(text, true), new PrintWriter(err, true), "report", "--to", elsewhere.toString(),
                readOnly), err.toString());
        assertTrue(Files.exists(elsewhere.resolve("report/index.html")));
        assertTrue(Files.exists(elsewhere.resolve("csv/summary.csv")));
        assertTrue(Files.readString(elsewhere.resolve("report/index.html")).contains("ro:" + out), "provenance names OUTPUT");
        assertEquals(refused, ReadOnlyFileSystem.REFUSED.get(), "no command tried to write the read-only output");

        // report without --to must write: it fails in one line naming the output, not a stack trace.
        StringWriter failed = new StringWriter();
        int status = SweepMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(failed, true), "report", readOnly);
        assertEquals(1, status);
        assertEquals(1, failed.toString().strip().lines().count(), failed.toString());
        assertTrue(failed.toString().contains("read-only file system"), failed.toString());
        assertTrue(failed.toString().contains("full trace in "), failed.toString());
    }

    @Test
    void aFullDiskFailsARunInOneLineNamingTheCauseAndALogWithTheTrace(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path spec = Files.writeString(tmp.resolve("s.conf"), "name = tiny\noutput = \"full://" + tmp.resolve("out")
                + "\"\nseeds = [1]\nalgorithm = bptt\nlength = 10\nhidden = 8\nbatch = 4\ntest-size = 50\nmax-iterations = 10\n"
                + "check-every = 5\nspark.progress = false\n");
        StringWriter err = new StringWriter();
        int status = SweepMain.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "run", spec.toString());
        assertEquals(1, status, "not a bad spec: exit 1");
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("error: 'run " + spec + "' failed: No space left on device (IOException); full trace in "), line);
        Path log = Path.of(line.substring(line.indexOf("full trace in ") + "full trace in ".length()));
        assertTrue(Files.readString(log).contains("java.io.IOException: No space left on device"));
        Files.delete(log);
    }
}
