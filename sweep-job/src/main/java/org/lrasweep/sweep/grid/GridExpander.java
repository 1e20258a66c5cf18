package org.lrasweep.sweep.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.sweep.spec.SpecException;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * Expands a sweep into its trials: a pure function. Per algorithm, the Cartesian product of the
 * parameters that apply to it (the shared ones and its own, so BPTT is not repeated for every LRA
 * alpha) and the seeds, in spec order; duplicates (equal ids) appear once. Every trial is validated
 * here, so a bad value fails before anything runs.
 */
public final class GridExpander {
    private GridExpander() {
    }

    /**
     * The trials of the sweep.
     *
     * @throws SpecException naming the key of the first invalid value
     */
    public static List<TrialSpec> expand(SweepSpec spec) {
        Map<String, TrialSpec> trials = new LinkedHashMap<>();
        for (Object algorithmName : spec.axis(TrialParameters.ALGORITHM.key())) {
            Algorithm algorithm = Algorithm.byName((String) algorithmName);
            ParamValues base = ParamValues.defaults().with(TrialParameters.ALGORITHM, algorithm.configName());
            for (ParamValues point : product(spec, base, TrialParameters.gridAxes(algorithm))) {
                for (long seed : spec.seeds()) {
                    TrialSpec t = TrialSpec.of(config(point.with(TrialParameters.SEED, seed)));
                    trials.putIfAbsent(t.trialId(), t);
                }
            }
        }
        return List.copyOf(trials.values());
    }

    private static List<ParamValues> product(SweepSpec spec, ParamValues base, List<Param<?>> axes) {
        List<ParamValues> points = List.of(base);
        for (Param<?> param : axes) {
            List<ParamValues> next = new ArrayList<>();
            for (ParamValues p : points) {
                for (Object v : spec.axis(param.key())) {
                    next.add(p.withParsed(param, v));
                }
            }
            points = next;
        }
        return points;
    }

    private static org.lrasweep.kernel.train.TrialConfig config(ParamValues values) {
        try {
            return values.toConfig();
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage());
        }
    }
}
