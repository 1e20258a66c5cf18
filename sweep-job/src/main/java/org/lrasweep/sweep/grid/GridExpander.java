package org.lrasweep.sweep.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrasweep.kernel.task.Tasks;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.BpttSettings;
import org.lrasweep.kernel.train.LraSettings;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.sweep.spec.SpecException;
import org.lrasweep.sweep.spec.SpecKey;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * Expands a sweep into its trials: a pure function. Per algorithm, the Cartesian product of the
 * shared axes, that algorithm's own axes (so BPTT is not repeated for every LRA alpha) and the
 * seeds, in spec order; duplicates (equal ids) appear once. Every trial is validated here, so a
 * bad value fails before anything runs.
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
        for (Object algorithmName : spec.axis(SpecKey.ALGORITHM.key)) {
            String algorithm = validAlgorithm((String) algorithmName);
            List<SpecKey> keys = new ArrayList<>(SpecKey.common());
            keys.addAll(SpecKey.scopedTo(algorithm));
            for (Map<String, Object> point : product(spec, keys)) {
                for (long seed : spec.seeds()) {
                    TrialSpec t = TrialSpec.of(config(point, algorithm, seed));
                    trials.putIfAbsent(t.trialId(), t);
                }
            }
        }
        return List.copyOf(trials.values());
    }

    private static String validAlgorithm(String name) {
        try {
            return Algorithm.byName(name).configName();
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage());
        }
    }

    private static List<Map<String, Object>> product(SweepSpec spec, List<SpecKey> keys) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (SpecKey key : keys) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object v : spec.axis(key.key)) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(key.key, v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    private static TrialConfig config(Map<String, Object> p, String algorithm, long seed) {
        String task = (String) p.get(SpecKey.TASK.key);
        try {
            Tasks.byName(task);
        } catch (IllegalArgumentException e) {
            throw new SpecException("task: " + e.getMessage());
        }
        try {
            BpttSettings bptt = null;
            LraSettings lra = null;
            if (algorithm.equals("bptt")) {
                bptt = new BpttSettings(d(p, SpecKey.BPTT_LEARNING_RATE), d(p, SpecKey.BPTT_CLIP), d(p, SpecKey.BPTT_ALPHA));
            } else {
                lra = LraSettings.fromNames((String) p.get(SpecKey.LRA_VARIANT.key), d(p, SpecKey.LRA_LEARNING_RATE),
                        d(p, SpecKey.LRA_BETA), i(p, SpecKey.LRA_K), d(p, SpecKey.LRA_C),
                        (String) p.get(SpecKey.LRA_NORMALIZE.key), d(p, SpecKey.LRA_ALPHA),
                        (String) p.get(SpecKey.LRA_LOCAL_LOSS.key));
            }
            return new TrialConfig(task, i(p, SpecKey.LENGTH), seed, Algorithm.byName(algorithm), i(p, SpecKey.HIDDEN),
                    i(p, SpecKey.BATCH), i(p, SpecKey.TEST_SIZE), i(p, SpecKey.CHECK_EVERY), i(p, SpecKey.PATIENCE),
                    i(p, SpecKey.MAX_ITERATIONS), d(p, SpecKey.SOLVED_ERROR), bptt, lra);
        } catch (IllegalArgumentException e) {
            throw new SpecException(e.getMessage());
        }
    }

    private static double d(Map<String, Object> p, SpecKey key) {
        return ((Number) p.get(key.key)).doubleValue();
    }

    private static int i(Map<String, Object> p, SpecKey key) {
        return ((Number) p.get(key.key)).intValue();
    }
}
