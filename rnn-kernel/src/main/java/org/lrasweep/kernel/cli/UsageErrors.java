package org.lrasweep.kernel.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The project's command-line error contract, shared by the kernel and sweep CLIs: a bad option
 * or an invalid value ({@link IllegalArgumentException}) prints one line {@code error: ...} and
 * exits 2; anything else is a bug or an environment failure and keeps its stack trace (exit 1).
 */
public final class UsageErrors {
    /** Exit status for invalid arguments or settings. */
    public static final int STATUS = 2;

    private UsageErrors() {
    }

    /** Wires the streams and the error contract into a picocli command line. */
    public static CommandLine install(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage().lines().findFirst().orElse(""));
            return STATUS;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return STATUS;
            }
            throw ex;
        });
        return cli;
    }
}
