package org.lrasweep.kernel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lrasweep.kernel.fixture.CheckResult;
import org.lrasweep.kernel.fixture.FixtureChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code check-fixture FILE...}: one PASS/FAIL line per golden fixture; exit 0 only if all pass. */
@Command(name = "check-fixture", mixinStandardHelpOptions = true,
        description = "Run the kernel on golden fixture files and compare with their tolerances.")
final class CheckFixtureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "fixture JSON files")
    List<Path> files;

    @Override
    public Integer call() {
        boolean allPassed = true;
        for (Path file : files) {
            CheckResult r = FixtureChecker.check(file);
            spec.commandLine().getOut().println(r.line(file.toString()));
            allPassed &= r.passed();
        }
        return allPassed ? 0 : 1;
    }
}
