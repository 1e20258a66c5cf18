package org.lrasweep.sweep.cli;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Parameters;

/** The output folder of a sweep, as commands that analyse one take it. */
final class OutputArgument {
    @Parameters(index = "0", paramLabel = "OUTPUT", description = "a sweep's output folder (path or Hadoop URI)")
    String output;

    /** The folder, qualified against the session's file system. */
    String qualified(SparkSession spark) throws java.io.IOException {
        return qualify(spark, output);
    }

    /** A path or Hadoop URI qualified against the session's file system (a relative path against the working folder). */
    static String qualify(SparkSession spark, String folder) throws java.io.IOException {
        Path p = new Path(folder);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return fs.makeQualified(p).toString();
    }
}
