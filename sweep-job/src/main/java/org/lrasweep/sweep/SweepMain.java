package org.lrasweep.sweep;

import java.io.PrintWriter;
import org.lrasweep.sweep.cli.PlanCommand;
import org.lrasweep.sweep.cli.RunCommand;
import org.lrasweep.sweep.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Spark job's entry point ({@code spark-submit --class org.lrasweep.sweep.SweepMain}). Exit 0
 * when the sweep ran (trial failures are results), 2 with a one-line error for a bad spec or
 * arguments, 1 when the job itself failed.
 */
@Command(name = "lra-sweep", mixinStandardHelpOptions = true,
        description = "Run grids of BPTT and LRA RNN trials on Spark.",
        subcommands = {RunCommand.class, PlanCommand.class})
public final class SweepMain {
    /** Exit status for a malformed spec or bad arguments. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
        int status = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line on the given streams; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SweepMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage().lines().findFirst().orElse(""));
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof SpecException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return USAGE;
            }
            commandLine.getErr().println("error: " + ex);
            return 1;
        });
        return cli.execute(args);
    }
}
