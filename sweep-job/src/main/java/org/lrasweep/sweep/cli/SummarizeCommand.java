package org.lrasweep.sweep.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.analysis.Analysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code summarize OUTPUT}: recomputes the summary and comparison tables of a sweep's results. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Recompute the summary, comparisons, learning_curves and gradient_profiles tables (Parquet and csv/).")
public final class SummarizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    OutputArgument output;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSession.builder().appName("lra-sweep summarize").getOrCreate();
        Analysis.run(spark, output.qualified(spark), false, command.commandLine().getOut());
        return 0;
    }
}
