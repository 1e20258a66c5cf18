package org.lrasweep.kernel.model;

/**
 * Test loss and error rate of a network on a data set (spec section 5).
 *
 * @param loss  mean loss over all sequences
 * @param error fraction of sequences the network gets wrong
 */
public record Evaluation(double loss, double error) {
    /** Accuracy, {@code 1 - error}. */
    public double accuracy() {
        return 1.0 - error;
    }
}
