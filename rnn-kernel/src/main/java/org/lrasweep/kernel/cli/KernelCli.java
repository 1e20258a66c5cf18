package org.lrasweep.kernel.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code submit/kernel}: the kernel's command line. Exit 0 on success, 1 when a check fails,
 * 2 with a one-line error on bad arguments.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Train, check and benchmark the lra-sweep RNN kernel.",
        subcommands = {CheckFixtureCommand.class, TrainCommand.class, BenchCommand.class, RoofCommand.class, ParamsCommand.class})
public final class KernelCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's streams and returns its exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line on the given streams and returns its exit status (no System.exit). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new KernelCli());
        for (String trialCommand : new String[] {"train", "bench"}) {
            TrialOptions.addTo(cli.getSubcommands().get(trialCommand).getCommandSpec());
        }
        return UsageErrors.install(cli, out, err).execute(args);
    }
}
