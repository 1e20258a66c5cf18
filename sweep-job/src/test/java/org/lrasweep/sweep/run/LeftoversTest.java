package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;

/**
 * The next run removes what failed writers left (an unfinished table version, temporary folders of a
 * report and a summary) once they are older than ten minutes, and marks a killed driver's run record
 * abandoned; a concurrent driver's fresh folders and record are left alone.
 */
@ExtendWith(SparkSessionExtension.class)
class LeftoversTest {
    private static Path old(Path p) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
        return p;
    }

    @Test
    void staleLeftoversGoAndKilledDriversRecordsAreMarkedAbandoned(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        SweepRunnerTest.run(spark, SweepRunnerTest.spec(out));
        Path version = old(Files.createDirectories(out.resolve("tables/v00000099-deadbeef")));
        Path report = old(Files.createDirectories(out.resolve("_tmp-report-1234")));
        Path csv = old(Files.writeString(Files.createDirectories(out.resolve("csv")).resolve("_tmp-trials-5678"), "x"));
        Path fresh = Files.createDirectories(out.resolve("_tmp-summary-9999"));
        String running = "# lra-sweep run\n# run_id = r\n# finished_at = (running)\nlra-sweep { }\n";
        Path killed = old(Files.writeString(out.resolve("runs/19990101T000000Z-aaaaaa.conf"), running));
        Path live = Files.writeString(out.resolve("runs/19990101T000001Z-bbbbbb.conf"), running);

        SweepRunnerTest.run(spark, SweepRunnerTest.spec(out));
        assertFalse(Files.exists(version), "an unfinished table version");
        assertFalse(Files.exists(report), "a failed report's folder");
        assertFalse(Files.exists(csv), "a failed CSV copy");
        assertTrue(Files.exists(fresh), "a folder another driver may be writing");
        assertTrue(Files.readString(killed).contains("# finished_at = abandoned (no sign of its driver since "), Files.readString(killed));
        assertEquals(running, Files.readString(live), "a driver that wrote its record minutes ago may be running");

        // compact (and report, which compacts first) removes them too.
        Path again = old(Files.createDirectories(out.resolve("_tmp-report-4321")));
        Compactor.compact(spark, out.toString(), line -> { });
        assertFalse(Files.exists(again));
    }
}
