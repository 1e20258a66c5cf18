package org.lrasweep.sweep;

import java.io.PrintWriter;
import org.lrasweep.sweep.cli.CompactCommand;
import org.lrasweep.sweep.cli.ConsolidateCommand;
import org.lrasweep.sweep.cli.PlanCommand;
import org.lrasweep.sweep.cli.ReportCommand;
import org.lrasweep.sweep.cli.RunCommand;
import org.lrasweep.sweep.cli.StatusCommand;
import org.lrasweep.kernel.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Spark job's entry point ({@code spark-submit --class org.lrasweep.sweep.SweepMain}). Exit 0
 * when the sweep ran (trial failures are results), 2 with a one-line error for a bad spec or
 * arguments ({@link UsageErrors}), 1 with a stack trace when the job itself failed.
 */
@Command(name = "lra-sweep", mixinStandardHelpOptions = true,
        description = "Run grids of BPTT and LRA RNN trials on Spark.",
        subcommands = {RunCommand.class, PlanCommand.class, StatusCommand.class, CompactCommand.class, ConsolidateCommand.class, ReportCommand.Summarize.class, ReportCommand.class})
public final class SweepMain {
    public static void main(String[] args) {
        int status = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line on the given streams; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return UsageErrors.install(new CommandLine(new SweepMain()), out, err).execute(args);
    }
}
