package org.lrasweep.kernel.model;

/** Where the recurrence starts (spec sections 2 and 5). */
public enum InitialState {
    /** {@code z_{-1} = 0}: training, BPTT and {@code local} evaluation. */
    ZERO,
    /**
     * {@code z_{-1} = x_0 Wxh + bh}: the {@code released} evaluation quirk, where the reference
     * passes a pre-activation in as the previous state.
     */
    RELEASED
}
