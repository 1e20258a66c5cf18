package org.lrasweep.kernel.cli;

import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.Scope;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.TrialConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings of one trial as command-line options, one {@code --KEY VALUE} per declared
 * parameter ({@code --length 20}, {@code --lra.beta 1}): names, defaults and docs come from
 * {@link TrialParameters}, values are parsed as strictly as in a sweep spec.
 */
final class TrialOptions {
    private TrialOptions() {
    }

    /** Adds one option per trial parameter to a command. */
    static void addTo(CommandSpec command) {
        for (Param<?> p : TrialParameters.ALL) {
            String applies = p.scope() == Scope.SHARED ? "" : p.scope().describe() + " only; ";
            command.addOption(OptionSpec.builder("--" + p.key()).type(String.class).paramLabel(p.type().word().toUpperCase())
                    .description(p.doc() + " (" + applies + "default: " + p.defaultValue() + ")").build());
        }
    }

    /**
     * The validated trial configuration of the options given; invalid values, and options of the
     * other algorithm, raise one-line errors naming the parameter.
     */
    static TrialConfig toConfig(CommandSpec command) {
        ParamValues values = ParamValues.defaults();
        for (Param<?> p : TrialParameters.ALL) {
            String given = command.findOption("--" + p.key()).getValue();
            if (given != null) {
                values = values.withParsed(p, given);
            }
        }
        Algorithm algorithm = values.algorithm();
        for (Param<?> p : TrialParameters.ALL) {
            if (command.findOption("--" + p.key()).getValue() != null && !p.scope().appliesTo(algorithm)) {
                throw new IllegalArgumentException("--" + p.key() + ": applies to " + p.scope().describe()
                        + " trials only (algorithm = " + algorithm.configName() + ")");
            }
        }
        return values.toConfig();
    }
}
