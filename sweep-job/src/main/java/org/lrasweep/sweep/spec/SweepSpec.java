package org.lrasweep.sweep.spec;

import java.util.List;
import java.util.Map;

/**
 * A validated sweep: what to run and where. A plain value (like Spark's ParamGrid): expanding it
 * into trials is {@link org.lrasweep.sweep.grid.GridExpander}'s job.
 *
 * @param name       the sweep's name
 * @param output     output folder as given (a path or a Hadoop URI)
 * @param seeds      distinct seeds, in spec order
 * @param axes       every trial setting by spec key (e.g. {@code length}, {@code lra.alpha}) to its
 *                   distinct values, in spec order; keys under {@code bptt.} and {@code lra.} are
 *                   algorithm-scoped
 * @param partitions Spark partitions for the trials (0 = four per core of the cluster)
 * @param progress   whether to draw a progress bar
 * @param checkpointMinutes wall-time minutes between a running trial's periodic checkpoints (0 = none)
 * @param adaptive   how seeds are spent when {@code adaptive.enabled}: {@code seeds} is then the
 *                   selection pool; null for a fixed grid, where every configuration runs every seed
 * @param rendered   the fully resolved spec as HOCON, for provenance
 */
public record SweepSpec(String name, String output, List<Long> seeds, Map<String, List<Object>> axes,
                        int partitions, boolean progress, double checkpointMinutes, org.lrasweep.sweep.adaptive.AdaptiveSettings adaptive, String rendered) {
    /** Whether seeds are spent adaptively ({@link #adaptive()} is set). */
    public boolean isAdaptive() {
        return adaptive != null;
    }

    /** The values of one axis. */
    public List<Object> axis(String key) {
        List<Object> values = axes.get(key);
        if (values == null) {
            throw new IllegalArgumentException("no axis " + key);
        }
        return values;
    }
}
