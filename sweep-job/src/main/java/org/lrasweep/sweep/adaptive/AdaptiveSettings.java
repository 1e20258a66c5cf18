package org.lrasweep.sweep.adaptive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.sweep.grid.Labels;

/**
 * How an adaptive sweep spends its seeds (spec block {@code adaptive}): the selection pool (the
 * sweep's {@code seeds}) is dealt to the live configurations a wave at a time, {@link SelectionRules}
 * stop configurations whose answer is known, and each group's winner then runs the confirmation
 * seeds, which played no part in choosing it.
 *
 * @param wave          seeds per live configuration per wave
 * @param minSeeds      no decision before a configuration has this many
 * @param halfWidth     a configuration whose 95% Wilson half-width is at most this is "precise"
 * @param dropDominated whether a configuration whose upper bound is below its group leader's lower bound stops
 * @param groupBy       what a configuration competes within: {@code method} ({@link Labels#methodKey},
 *                      whatever the regularizer weight), {@code regularized} (alpha &gt; 0) or any trial setting's key
 * @param confirmSeeds  the fresh seeds every group winner runs, disjoint from the pool
 */
public record AdaptiveSettings(int wave, int minSeeds, double halfWidth, boolean dropDominated, List<String> groupBy,
                               List<Long> confirmSeeds) implements Serializable {
    /** The group-by keys beyond the trial settings. */
    public static final List<String> DERIVED_KEYS = List.of("method", "regularized");

    public AdaptiveSettings {
        groupBy = List.copyOf(groupBy);
        confirmSeeds = List.copyOf(confirmSeeds);
    }

    /** The rules for a pool of this many seeds. */
    public SelectionRules rules(int poolSize) {
        return new SelectionRules(minSeeds, halfWidth, dropDominated, poolSize);
    }

    /**
     * The fewest seeds, a whole number of waves and at least {@code minSeeds}, at which a rule can
     * stop a configuration ({@link SelectionRules#earliestStop}); {@link Integer#MAX_VALUE} if none can.
     */
    public int firstPossibleStop() {
        long needed = Math.max(minSeeds, SelectionRules.earliestStop(halfWidth, dropDominated));
        return (int) Math.min(Integer.MAX_VALUE, (needed + wave - 1) / wave * wave);
    }

    /**
     * {@link #firstPossibleStop()} when it comes before the pool's end; empty otherwise: the design
     * then runs the whole pool for every configuration and saves nothing.
     */
    public OptionalInt firstSaving(int poolSize) {
        int first = firstPossibleStop();
        return first < poolSize ? OptionalInt.of(first) : OptionalInt.empty();
    }

    /** Whether a group-by key names something a configuration has. */
    public static boolean isGroupKey(String key) {
        return DERIVED_KEYS.contains(key) || TrialParameters.ALL.stream().anyMatch(p -> p != TrialParameters.SEED && p.key().equals(key));
    }

    /**
     * The group of a configuration: {@code key=value} per group-by key, joined with ", ". A setting
     * that does not apply to the configuration's algorithm reads {@code -}, so a BPTT configuration
     * grouped by {@code lra.beta} is in a group of its own.
     */
    public String group(ParamValues v) {
        List<String> parts = new ArrayList<>();
        for (String key : groupBy) {
            String value;
            if (key.equals("method")) {
                value = Labels.methodKey(v);
            } else if (key.equals("regularized")) {
                value = String.valueOf(Labels.alpha(v) > 0);
            } else {
                Param<?> p = TrialParameters.ALL.stream().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
                Object o = p.scope().appliesTo(v.algorithm()) ? v.get(p) : null;
                value = o == null ? "-" : p.canonical(o);
            }
            parts.add(key + "=" + value);
        }
        return String.join(", ", parts);
    }
}
