package org.lrasweep.sweep.analysis;

/**
 * The declared families of comparisons. Each answers one question of the paper's, and Holm's
 * adjustment runs within a family, not over the whole table, so that adding configurations to one
 * question does not take power from another.
 */
public enum ComparisonFamily {
    /** Regularized (alpha > 0) against its unregularized twin: everything else equal. The paper's claim (iv). */
    REGULARIZED_VS_UNREGULARIZED("regularized-vs-unregularized",
            "Each regularized configuration (alpha > 0) against its twin with alpha = 0, every other setting equal.",
            "Each regularized group winner (alpha > 0) against the best unregularized winner of its method and protocol."),
    /**
     * Every regularized configuration against the alpha = 0 configuration that shares all its other
     * settings and ran the same seeds: the regularizer's effect at matched settings, which a
     * winner-against-winner comparison (other beta, other eta) does not isolate.
     */
    MATCHED_REGULARIZER("matched-regularizer",
            "On a grid, regularized-vs-unregularized already compares each regularized configuration with its alpha = 0 twin "
                    + "on the same seeds; this family is for group winners.",
            "Each regularized configuration (a group winner on its confirmation seeds, or a fixed-grid configuration) against the "
                    + "alpha = 0 configuration that shares every other setting and ran the same seeds, compared seed by seed."),
    /** Each LRA configuration against the best BPTT configuration of its task, length and protocol. */
    LRA_VS_BPTT("lra-vs-bptt",
            "Each LRA configuration (plain and regularized) against the best BPTT configuration of its task, length and "
                    + "protocol (highest success rate, then fewest iterations to solve: BPTT gets its best learning rate).",
            "Each LRA group winner against the best BPTT winner of its task, length and protocol."),
    /** The two LRA variants against each other, everything else equal. */
    RELEASED_VS_LOCAL("released-vs-local",
            "The authors' released variant against the local one, every other setting equal.",
            "Each released group winner against the local winners of its protocol with the same regularizer (alpha = 0 or > 0)."),
    /** LRA without clipping against its clipped twin, everything else equal. The paper's claim (ii). */
    UNCLIPPED_VS_CLIPPED("unclipped-vs-clipped",
            "Each LRA configuration with normalize = off (no clipping of the target and update norms) against its twin with "
                    + "normalize = clip, every other setting equal.",
            "Each normalize = off twin of an LRA group winner, run on the winner's confirmation seeds, against the winner's "
                    + "confirmation trials."),
    /** Per task and length, each method's best configuration against each other method's best. */
    BEST_VS_BEST("best-vs-best",
            "Per task and length, each method's best configuration against every other method's best. The best are chosen "
                    + "on the same trials they are compared on, so these differences are optimistic (winner's curse); "
                    + "confirmation on fresh seeds is what removes that.",
            "Per task and length, each method's best winner against every other method's. The winners were chosen on other "
                    + "seeds than these, so the differences carry no winner's curse.");

    private final String label;
    private final String question;
    private final String onConfirmation;

    ComparisonFamily(String label, String question, String onConfirmation) {
        this.label = label;
        this.question = question;
        this.onConfirmation = onConfirmation;
    }

    /** The family's name in tables. */
    public String label() {
        return label;
    }

    /** What the family asks of a grid's trials, in a sentence or two. */
    public String question() {
        return question;
    }

    /** What the family asks of an adaptive sweep's group winners on their confirmation trials. */
    public String questionOnConfirmation() {
        return onConfirmation;
    }
}
