package org.lrasweep.sweep.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.sweep.grid.CostModel;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.spec.SpecWarnings;
import org.lrasweep.sweep.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code plan SPEC [KEY=VALUE...]}: the expanded trial counts and a cost bound; runs nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the expanded trial counts per algorithm, task and length with a cost estimate; runs nothing.")
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    SpecArguments arguments;

    @Override
    public Integer call() {
        SweepSpec spec = arguments.parse();
        List<TrialSpec> trials = GridExpander.expand(spec);
        SpecWarnings.of(spec, trials, System.getProperty("spark.master"))
                .forEach(w -> command.commandLine().getErr().println("warning: " + w));
        PrintWriter out = command.commandLine().getOut();
        Map<String, double[]> groups = new TreeMap<>();
        for (TrialSpec t : trials) {
            TrialConfig c = t.config();
            String variant = c.lra() == null ? "" : c.lra().variant().configName();
            String key = String.format("%-5s %-9s %-20s %6d", c.algorithm().configName(), variant, c.task(), c.length());
            double[] g = groups.computeIfAbsent(key, k -> new double[2]);
            g[0]++;
            g[1] += CostModel.worstCaseMs(t.config());
        }
        out.printf("sweep '%s' -> %s (%d seeds)%n", spec.name(), spec.output(), spec.seeds().size());
        out.printf("%-5s %-9s %-20s %6s %8s %16s%n", "alg", "variant", "task", "length", "trials", "core-hours (max)");
        double total = 0;
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            out.printf("%s %8d %16.2f%n", e.getKey(), (long) e.getValue()[0], e.getValue()[1] / 3.6e6);
            total += e.getValue()[1];
        }
        out.printf("total: %d trials, at most %.2f core-hours if every trial runs its whole budget "
                + "(about %.1f h on %d cores); solved and plateaued trials stop early%n",
                trials.size(), total / 3.6e6, total / 3.6e6 / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        return 0;
    }
}
