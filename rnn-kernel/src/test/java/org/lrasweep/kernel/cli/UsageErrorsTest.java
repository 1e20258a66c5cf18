package org.lrasweep.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Exit 2 only for input this project refuses; an IllegalArgumentException from a library is a failed run (exit 1). */
class UsageErrorsTest {
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Parameters(index = "0")
        String what;

        @Override
        public void run() {
            switch (what) {
                case "ours" -> throw new IllegalArgumentException("seeds: must be positive");
                case "uri" -> URI.create("hdfs://bad host/x"); // the JDK refuses it on our behalf
                case "library" -> picocli.CommandLine.Help.Ansi.valueOf("NO-SUCH-ANSI"); // a library's IAE
                default -> throw new IllegalStateException("disk on fire");
            }
        }
    }

    private record Result(int status, String err) {
    }

    private static Result run(String what) {
        StringWriter err = new StringWriter();
        int status = UsageErrors.install(new CommandLine(new Probe()), new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute(what);
        return new Result(status, err.toString());
    }

    @Test
    void ourOwnIllegalArgumentIsABadArgument() {
        Result r = run("ours");
        assertEquals(2, r.status());
        assertEquals("error: seeds: must be positive", r.err().strip());
    }

    @Test
    void aMalformedUriTheJdkRefusesForUsIsABadArgument() {
        assertEquals(2, run("uri").status());
    }

    @Test
    void aLibrarysIllegalArgumentIsAFailedRunWithItsTrace() {
        Result r = run("library");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().startsWith("error: 'library' failed: ") && r.err().contains("full trace in "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void onlyIllegalArgumentsCanBeUsageErrors() {
        assertFalse(UsageErrors.isUsageError(new IllegalStateException("x")));
        assertEquals(1, run("other").status());
    }
}
