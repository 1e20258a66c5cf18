package org.lrasweep.sweep.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.run.Compactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code compact OUTPUT}: consolidates the journal into a new version of the tables under
 * {@code OUTPUT/tables}, as every run does at its end; nothing when the journal has not changed.
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Consolidate OUTPUT/journal into OUTPUT/tables (a no-op when nothing changed); an old-layout output is moved into the journal first.")
public final class CompactCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    OutputArgument output;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSession.builder().appName("lra-sweep compact").getOrCreate();
        String out = output.qualified(spark);
        Compactor.Result r = Compactor.compact(spark, out, command.commandLine().getOut()::println);
        command.commandLine().getOut().println(r.version() == null ? "nothing to compact under " + out
                : r.written() ? "compacted " + r.reread() + " changed trials into " + r.version()
                : "the tables are current: " + r.version());
        return 0;
    }
}
