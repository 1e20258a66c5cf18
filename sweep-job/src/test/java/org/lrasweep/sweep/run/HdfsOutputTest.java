package org.lrasweep.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * Sweeps into a real HDFS (a name node and a data node in this JVM, hadoop-client-minicluster 3.4.2):
 * the rename commit is detected and used, two drivers on one output and a task killed after its
 * commit leave each trial once, and the tables equal local mode's.
 */
@ExtendWith(SparkSessionExtension.class)
class HdfsOutputTest {
    private static MiniDFSCluster hdfs;

    @BeforeAll
    static void startHdfs() throws IOException {
        Path base = Files.createTempDirectory("minidfs");
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        hdfs = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).build();
        hdfs.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown(true);
        }
    }

    @AfterEach
    void clear() {
        TrialTask.faultInjector = null;
    }

    private static List<FileStatus> rows(SparkSession spark, String output) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(output + "/journal/trials");
        return List.of(dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).listStatus(dir,
                p -> p.getName().endsWith(".parquet")));
    }

    @Test
    void renamesCommitEachTrialOnceAcrossTwoDriversAndAKilledTaskAndEqualLocalMode(SparkSession spark, @TempDir Path tmp)
            throws Exception {
        var local = S3OutputTest.results(spark, SweepRunnerTest.run(spark, SweepRunnerTest.spec(tmp.resolve("local"))).output());
        String output = hdfs.getURI() + "/sweeps/two-drivers";
        SweepSpec spec = SweepRunnerTest.spec(tmp.resolve("unused"), "output=\"" + output + "\"");
        List<SweepRunner.Outcome> drivers = S3OutputTest.twoDrivers(spark, spec);
        assertEquals(9, drivers.get(0).ran() + drivers.get(1).ran(), "each trial committed by one driver");
        assertTrue(S3OutputTest.record(spark, output, drivers.get(0).runId()).contains("# commit_protocol = rename"));
        assertEquals(9, rows(spark, output).size(), "one row per trial, under its exclusive name");
        assertEquals(local, S3OutputTest.results(spark, output), "the same trials, bit for bit, as local mode");

        String killed = hdfs.getURI() + "/sweeps/killed";
        SweepSpec killedSpec = SweepRunnerTest.spec(tmp.resolve("unused"), "output=\"" + killed + "\"");
        AtomicInteger injected = SweepRunnerTest.killAfterCommit(GridExpander.expand(killedSpec).get(4).trialId());
        SweepRunnerTest.run(spark, killedSpec);
        assertEquals(1, injected.get());
        assertEquals(9, rows(spark, killed).size());
        assertEquals(local, S3OutputTest.results(spark, killed));
    }
}
