package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.ConfOnlyFileSystem;
import org.lrasweep.sweep.SparkSessionExtension;

/**
 * Hadoop settings given to the session only (as spark.hadoop.* are) reach the tasks that commit
 * trials and checkpoints: a sweep into a file system that only the session's configuration knows
 * commits every trial.
 */
@ExtendWith(SparkSessionExtension.class)
class HadoopSettingsTest {
    @Test
    void theSessionsHadoopSettingsReachTheTasks(SparkSession spark, @TempDir Path tmp) throws IOException {
        // As spark-submit --conf spark.hadoop.fs.viaconf.impl=... does: a system property the spec check reads before
        // Spark starts, and the session's Hadoop configuration; Hadoop's defaults, which tasks would otherwise use, lack it.
        // Uncached, so that a task cannot borrow the driver's instance (local mode shares the JVM) and must build its own.
        System.setProperty("spark.hadoop.fs.viaconf.impl", ConfOnlyFileSystem.class.getName());
        System.setProperty("spark.hadoop.fs.viaconf.impl.disable.cache", "true");
        spark.sparkContext().hadoopConfiguration().set("fs.viaconf.impl", ConfOnlyFileSystem.class.getName());
        spark.sparkContext().hadoopConfiguration().set("fs.viaconf.impl.disable.cache", "true");
        try {
            SweepRunner.Outcome o = SweepRunnerTest.run(spark, SweepRunnerTest.spec(tmp.resolve("unused"),
                    "output=\"viaconf://" + tmp.resolve("out") + "\""));
            assertEquals(9, o.ran());
            assertEquals(9L, o.statuses().values().stream().mapToLong(Long::longValue).sum());
            assertTrue(o.output().startsWith("viaconf:"), o.output());
            try (var files = Files.list(tmp.resolve("out/journal/trials"))) {
                assertEquals(9, files.count());
            }
        } finally {
            spark.sparkContext().hadoopConfiguration().unset("fs.viaconf.impl");
            spark.sparkContext().hadoopConfiguration().unset("fs.viaconf.impl.disable.cache");
            System.clearProperty("spark.hadoop.fs.viaconf.impl");
            System.clearProperty("spark.hadoop.fs.viaconf.impl.disable.cache");
        }
    }
}
