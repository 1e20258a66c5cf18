package org.lrasweep.sweep.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.sweep.adaptive.AdaptiveSettings;
import org.lrasweep.sweep.adaptive.SelectionRules;
import org.lrasweep.sweep.grid.TrialSpec;

/**
 * Settings that are valid but almost certainly not what the user meant: {@code plan} and {@code run}
 * print them as warnings before anything starts, and go on.
 */
public final class SpecWarnings {
    private SpecWarnings() {
    }

    /**
     * The warnings of a sweep.
     *
     * @param master the Spark master the sweep runs on, or null when not known (plan)
     */
    public static List<String> of(SweepSpec spec, List<TrialSpec> trials, String master) {
        List<String> warnings = new ArrayList<>();
        Set<String> traps = new LinkedHashSet<>();
        for (TrialSpec t : trials) {
            TrialConfig c = t.config();
            long window = (long) c.patience() * c.checkEvery();
            if (window >= c.maxIterations()) {
                traps.add("patience x check-every = " + c.patience() + " x " + c.checkEvery() + " = " + window
                        + " >= max-iterations = " + c.maxIterations() + ": no trial can end plateaued, every unsolved one runs "
                        + "its whole budget (lower patience or check-every, or raise max-iterations)");
            }
        }
        warnings.addAll(traps);
        if (spec.isAdaptive() && spec.adaptive().firstSaving(spec.seeds().size()).isEmpty()) {
            AdaptiveSettings a = spec.adaptive();
            warnings.add("adaptive: no configuration can stop before the pool's end (" + spec.seeds().size() + " seeds in waves of "
                    + a.wave() + "; a rule can first stop one at " + SelectionRules.earliestStop(a.halfWidth(), a.dropDominated())
                    + " seeds, and min-seeds = " + a.minSeeds() + "), so every configuration runs the whole pool (a pool of more than "
                    + a.firstPossibleStop() + " seeds lets the rules save seeds)");
        }
        if (master != null && !master.startsWith("local") && isRelativeLocalPath(spec.output())) {
            warnings.add("output = " + spec.output() + " is a relative path and the master is " + master
                    + ": it resolves on the driver's own disk, wherever the driver runs, and executors elsewhere cannot reach it "
                    + "(give an hdfs://, s3a:// or shared file:// URI)");
        }
        return warnings;
    }

    private static boolean isRelativeLocalPath(String output) {
        return !output.contains(":") && !output.startsWith("/");
    }
}
