package org.lrasweep.kernel.cli;

import java.util.concurrent.Callable;
import org.lrasweep.kernel.param.ParamDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code params}: the trial parameters as the Markdown table README shows. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = "Print every trial parameter (spec key, column, type, default, rule, meaning) as a Markdown table.")
final class ParamsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(ParamDocs.BEGIN);
        spec.commandLine().getOut().print(ParamDocs.markdownTable());
        spec.commandLine().getOut().println(ParamDocs.END);
        return 0;
    }
}
