package org.lrasweep.sweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;
import picocli.CommandLine.Parameters;

/** The spec file and its {@code key=value} overrides, shared by the commands. */
final class SpecArguments {
    @Parameters(index = "0", paramLabel = "SPEC", description = "sweep spec (HOCON): a file, e.g. conf/quickstart.conf (in "
            + "cluster deploy modes the file shipped with --files), or a Hadoop URI such as s3a://bucket/sweeps/x.conf")
    String spec;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides in HOCON syntax, e.g. seeds={from=1,to=50} lra.alpha=[0,0.1]")
    List<String> overrides = new ArrayList<>();

    SweepSpec parse() {
        if (spec.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return SpecParser.parse(spec, SparkSession.getActiveSession().isDefined()
                    ? SparkSession.getActiveSession().get().sparkContext().hadoopConfiguration()
                    : new org.apache.hadoop.conf.Configuration(), overrides);
        }
        return SpecParser.parse(locate(Path.of(spec)), overrides);
    }

    /**
     * The spec as given; else, in a cluster deploy mode, the copy {@code --files} delivered: in the
     * driver's working directory (YARN, standalone) or under Spark's file root (Kubernetes).
     */
    static Path locate(Path file) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        String name = file.getFileName().toString();
        Path workingCopy = Path.of(name);
        if (Files.isRegularFile(workingCopy)) {
            return workingCopy;
        }
        String shipped = System.getProperty("spark.files", "");
        if (shipped.contains(name)) {
            SparkSession.builder().getOrCreate();
            Path sparkCopy = Path.of(SparkFiles.get(name));
            if (Files.isRegularFile(sparkCopy)) {
                return sparkCopy;
            }
        }
        return file;
    }
}
