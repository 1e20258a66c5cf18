package org.lrasweep.sweep.cli;

import org.lrasweep.sweep.run.Checkpoints;
import org.lrasweep.sweep.run.CommitProtocol;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.sweep.adaptive.AdaptiveSettings;
import org.lrasweep.sweep.grid.CostModel;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.grid.TrialId;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.spec.OutputLocation;
import org.lrasweep.sweep.spec.SpecException;
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
        if (!OutputLocation.remote(spec.output())) {
            // Plan writes nothing and reads a read-only output fine; it only says what a run would meet (offline: local outputs).
            try {
                OutputLocation.checkWritable(spec.output());
            } catch (SpecException e) {
                command.commandLine().getErr().println("warning: " + e.getMessage() + ": a run would be refused");
            }
        }
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
        checkpoints(spec, trials, total, out);
        if (spec.isAdaptive()) {
            adaptiveBounds(spec, trials, out);
        }
        return 0;
    }

    /**
     * What the output's checkpoints save: a trial with a checkpoint of its trajectory (its own, or
     * the final state of a trial that differs only in its stopping rule) trains only the
     * iterations after it ({@link Checkpoints#savedIterations}). Silent when the output holds none.
     */
    private static void checkpoints(SweepSpec spec, List<TrialSpec> trials, double totalMs, PrintWriter out) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(spec.output());
            org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(new org.apache.hadoop.conf.Configuration());
            String output = fs.makeQualified(path).toString();
            if (!fs.exists(new org.apache.hadoop.fs.Path(output, org.lrasweep.sweep.run.Journal.FOLDER + "/" + Checkpoints.FOLDER))) {
                return;
            }
            java.util.Map<String, List<Checkpoints.Name>> index = new Checkpoints(output, CommitProtocol.UNIQUE_NAMES).index();
            long trialsWith = 0;
            long iterations = 0;
            double savedMs = 0;
            for (TrialSpec t : trials) {
                int saved = Checkpoints.savedIterations(t, index);
                if (saved > 0) {
                    trialsWith++;
                    iterations += saved;
                    savedMs += CostModel.worstCaseMs(t.config()) * saved / t.config().maxIterations();
                }
            }
            out.printf("checkpoints: %d of %d trials start from a checkpoint of their trajectory, %d iterations not trained again "
                    + "(%.2f core-hours); at most %.2f core-hours left%n", trialsWith, trials.size(), iterations, savedMs / 3.6e6,
                    (totalMs - savedMs) / 3.6e6);
        } catch (java.io.IOException | RuntimeException e) {
            // The plan stands without them (an s3a output on a laptop without hadoop-aws, an endpoint not reachable from here).
            out.println("checkpoints: not read (" + firstLine(e) + ")");
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /**
     * The two bounds of an adaptive sweep: every configuration on the whole pool (no stop fires),
     * and every configuration stopped at the first wave where a rule can stop one
     * ({@link AdaptiveSettings#firstSaving}; the whole pool when none can); each adds one
     * confirmation block per group, priced at the group's dearest configuration for the first
     * bound and its cheapest for the second.
     */
    private static void adaptiveBounds(SweepSpec spec, List<TrialSpec> trials, PrintWriter out) {
        AdaptiveSettings a = spec.adaptive();
        int pool = spec.seeds().size();
        int first = a.firstSaving(pool).orElse(pool);
        Map<String, double[]> perConfig = new java.util.LinkedHashMap<>();
        Map<String, String> groupOf = new java.util.HashMap<>();
        for (TrialSpec t : trials) {
            String id = TrialId.configId(t.config());
            perConfig.computeIfAbsent(id, k -> new double[1])[0] = CostModel.worstCaseMs(t.config());
            groupOf.put(id, a.group(t.config().values()));
        }
        Map<String, double[]> groups = new TreeMap<>();
        perConfig.forEach((id, ms) -> groups.merge(groupOf.get(id), new double[] {ms[0], ms[0]},
                (x, y) -> new double[] {Math.max(x[0], y[0]), Math.min(x[1], y[1])}));
        double poolMs = perConfig.values().stream().mapToDouble(ms -> ms[0]).sum();
        double confirmMax = groups.values().stream().mapToDouble(g -> g[0]).sum() * a.confirmSeeds().size();
        double confirmMin = groups.values().stream().mapToDouble(g -> g[1]).sum() * a.confirmSeeds().size();
        long confirmTrials = (long) groups.size() * a.confirmSeeds().size();
        out.printf("adaptive: %d configurations in %d groups, a pool of %d seeds in waves of %d, %s, %d confirmation seeds per winner%n",
                perConfig.size(), groups.size(), pool, a.wave(), first < pool ? "first possible stop at " + first + " seeds"
                        : "no possible stop before the pool's end", a.confirmSeeds().size());
        out.printf("%-40s %8s %16s%n", "bound", "trials", "core-hours (max)");
        out.printf("%-40s %8d %16.2f%n", "full pool (no configuration stops)", perConfig.size() * (long) pool + confirmTrials,
                (poolMs * pool + confirmMax) / 3.6e6);
        out.printf("%-40s %8d %16.2f%n", "adaptive lower bound (all stop at " + first + ")",
                perConfig.size() * (long) first + confirmTrials, (poolMs * first + confirmMin) / 3.6e6);
    }
}
