package org.lrasweep.sweep.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.analysis.Analysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code report OUTPUT}: the analysis tables and {@code OUTPUT/report/index.html}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Summarize a sweep's results and write OUTPUT/report/index.html with its figures.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    OutputArgument output;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSession.builder().appName("lra-sweep report").getOrCreate();
        Analysis.run(spark, output.qualified(spark), true, command.commandLine().getOut());
        return 0;
    }
}
