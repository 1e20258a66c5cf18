package org.lrasweep.kernel.param;

import org.lrasweep.kernel.train.Algorithm;

/**
 * Which trials a parameter applies to, read off its key's prefix: {@code bptt.*} only BPTT trials,
 * {@code lra.*} only LRA trials, anything else every trial. A grid expands a scoped parameter only
 * over its own algorithm's trials, so BPTT is not repeated for every LRA alpha.
 */
public enum Scope {
    SHARED, BPTT, LRA;

    /** The scope of a parameter key. */
    static Scope ofKey(String key) {
        if (key.startsWith("bptt.")) {
            return BPTT;
        }
        return key.startsWith("lra.") ? LRA : SHARED;
    }

    /** True when trials of this algorithm have the parameter. */
    public boolean appliesTo(Algorithm algorithm) {
        return switch (this) {
            case SHARED -> true;
            case BPTT -> algorithm == Algorithm.BPTT;
            case LRA -> algorithm == Algorithm.LRA;
        };
    }

    /** Where the parameter applies, in words (docs). */
    public String describe() {
        return switch (this) {
            case SHARED -> "all";
            case BPTT -> "bptt";
            case LRA -> "lra";
        };
    }
}
