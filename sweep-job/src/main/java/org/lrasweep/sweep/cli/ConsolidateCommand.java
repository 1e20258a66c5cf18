package org.lrasweep.sweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.run.Consolidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code consolidate --to DEST OUTPUT...}: several sweeps' results as one small output folder
 * ({@link Consolidation}), from which {@code summarize} and {@code report} regenerate every table and
 * figure without training.
 */
@Command(name = "consolidate", mixinStandardHelpOptions = true,
        description = "Write the results of OUTPUT... (their tables, learning curves, first and last per-step diagnostics and "
                + "allocations) into DEST, a new, small output folder that summarize and report read like any other.")
public final class ConsolidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--to", required = true, paramLabel = "DEST", description = "the new folder (must not exist)")
    String dest;

    @Parameters(arity = "1..*", paramLabel = "OUTPUT", description = "sweep output folders (paths or Hadoop URIs)")
    List<String> outputs;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSession.builder().appName("lra-sweep consolidate").getOrCreate();
        List<String> qualified = new ArrayList<>();
        for (String o : outputs) {
            qualified.add(OutputArgument.qualify(spark, o));
        }
        String target = OutputArgument.qualify(spark, dest);
        long n = Consolidation.write(spark, qualified, target);
        command.commandLine().getOut().printf("consolidated %d trials of %d outputs into %s%n", n, qualified.size(), target);
        return 0;
    }
}
