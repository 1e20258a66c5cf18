package org.lrasweep.sweep.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;
import picocli.CommandLine.Parameters;

/** The spec file and its {@code key=value} overrides, shared by the commands. */
final class SpecArguments {
    @Parameters(index = "0", paramLabel = "SPEC", description = "sweep spec (HOCON), e.g. conf/quickstart.conf")
    Path file;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides in HOCON syntax, e.g. seeds={from=1,to=50} lra.alpha=[0,0.1]")
    List<String> overrides = new ArrayList<>();

    SweepSpec parse() {
        return SpecParser.parse(file, overrides);
    }
}
