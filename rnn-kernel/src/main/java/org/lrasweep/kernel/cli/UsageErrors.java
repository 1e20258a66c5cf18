package org.lrasweep.kernel.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The project's command-line error contract, shared by the kernel and sweep CLIs: a bad option
 * or an invalid value (an {@link IllegalArgumentException} this project throws) prints one line
 * {@code error: ...} and exits 2; anything else (a full disk, a file system refusing a write, a bug) prints one line
 * saying what failed and why, writes the full trace to a log file the line names, and exits 1.
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
            if (isUsageError(ex)) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return STATUS;
            }
            String what = String.join(" ", parseResult.originalArgs());
            commandLine.getErr().println("error: '" + what + "' failed: " + cause(ex) + "; full trace in " + traceFile(what, ex));
            return 1;
        });
        return cli;
    }

    /**
     * Whether a failure is the user's input: an {@link IllegalArgumentException} raised by this
     * project's own code (directly, or by the JDK on its behalf: a malformed URI or path), which
     * raises one only for a bad option, spec or value. One raised inside Spark, Hadoop or another
     * library once the job has started is a failure of the run (exit 1, with its trace), not a bad
     * argument: the nearest frame that is not the JDK's decides.
     */
    static boolean isUsageError(Throwable ex) {
        if (!(ex instanceof IllegalArgumentException)) {
            return false;
        }
        for (StackTraceElement frame : ex.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                continue;
            }
            return c.startsWith("org.lrasweep.");
        }
        return false;
    }

    /** The innermost cause's message (its first line) and class: where Spark and Hadoop wrap it, the words a user can act on. */
    static String cause(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        if (m.length() > 300) {
            m = m.substring(0, 300) + "...";
        }
        return (m.isEmpty() ? "" : m + " ") + "(" + root.getClass().getSimpleName() + ")";
    }

    /** Writes the trace to a new file under the temporary folder; if even that fails, to standard error. */
    private static String traceFile(String what, Throwable ex) {
        try {
            java.nio.file.Path log = java.nio.file.Files.createTempFile("lra-sweep-error-", ".log");
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            java.nio.file.Files.writeString(log, java.time.Instant.now() + " lra-sweep " + what + "\n" + trace);
            return log.toString();
        } catch (java.io.IOException | RuntimeException e) {
            ex.printStackTrace();
            return "standard error (no log file could be written: " + e.getMessage() + ")";
        }
    }
}
