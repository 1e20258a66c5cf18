package org.lrasweep.kernel.cli;

import java.util.concurrent.Callable;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.kernel.train.TrialResult;
import org.lrasweep.kernel.train.TrialRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code train}: one trial, a progress line per check, then one JSON line with the result. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train one trial under the reference protocol; progress on stderr, the result as one JSON line on stdout.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--summary-only", description = "leave the learning curve and gradient diagnostics out of the JSON")
    boolean summaryOnly;

    @Override
    public Integer call() throws Exception {
        TrialConfig config = TrialOptions.toConfig(spec);
        long start = System.nanoTime();
        TrialResult result = TrialRunner.run(config, p -> spec.commandLine().getErr().printf(
                "iter %7d  train loss %.4f  test loss %.4f  test acc %.4f  (%.1f s)%n",
                p.iteration(), p.trainLoss(), p.testLoss(), p.testAccuracy(), (System.nanoTime() - start) / 1e9));
        spec.commandLine().getOut().println(ResultJson.MAPPER.writeValueAsString(ResultJson.result(result, !summaryOnly)));
        return 0;
    }
}
