package org.lrasweep.sweep.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.analysis.Analysis;
import org.lrasweep.sweep.run.Compactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code report OUTPUT}: the analysis tables and {@code OUTPUT/report/index.html};
 * {@code summarize OUTPUT}: the tables alone. Both rerun what a sweep does at its end, compaction
 * included; with {@code --to FOLDER} they only read OUTPUT and write into FOLDER.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Summarize a sweep's results and write OUTPUT/report/index.html with its figures.")
public class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    OutputArgument output;

    @picocli.CommandLine.Option(names = "--to", paramLabel = "FOLDER", description = "write the tables and report into FOLDER "
            + "instead of OUTPUT, which is then only read (a read-only archive, another user's results)")
    String to;

    private final boolean withFigures;

    public ReportCommand() {
        this(true);
    }

    ReportCommand(boolean withFigures) {
        this.withFigures = withFigures;
    }

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSession.builder().appName("lra-sweep " + command.name()).getOrCreate();
        String out = output.qualified(spark);
        if (to != null) {
            long changed = Compactor.changedSinceCompaction(spark, out);
            if (changed > 0) {
                command.commandLine().getErr().printf("warning: %d trials changed in %s's journal since its last compaction are not in "
                        + "this report (it is only read; compact it where it can be written)%n", changed, out);
            }
            Analysis.run(spark, out, OutputArgument.qualify(spark, to), withFigures, command.commandLine().getOut());
            return 0;
        }
        // A journal that changed since the last compaction (a killed driver, a withdrawn trial) is consolidated first.
        Compactor.compact(spark, out, command.commandLine().getOut()::println);
        Analysis.run(spark, out, withFigures, command.commandLine().getOut());
        return 0;
    }

    /** {@code summarize}: the report without its figures. */
    @Command(name = "summarize", mixinStandardHelpOptions = true,
            description = "Recompute the summary, comparisons, learning_curves and gradient_profiles tables (Parquet and csv/).")
    public static final class Summarize extends ReportCommand {
        public Summarize() {
            super(false);
        }
    }
}
