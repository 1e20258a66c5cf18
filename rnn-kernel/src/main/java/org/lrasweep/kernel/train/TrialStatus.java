package org.lrasweep.kernel.train;

/** How a trial ended (spec section 5). */
public enum TrialStatus {
    /** Test error fell below the threshold (no mistake on the test set by default). */
    SOLVED("solved"),
    /** The best test error did not improve for {@code patience} checks. */
    PLATEAUED("plateaued"),
    /** The iteration budget ran out. */
    MAX_ITERATIONS("max-iterations"),
    /** A loss became NaN or infinite (LRA: the top local loss became NaN). */
    DIVERGED("diverged");

    private final String label;

    TrialStatus(String label) {
        this.label = label;
    }

    /** The status as written in results. */
    public String label() {
        return label;
    }
}
