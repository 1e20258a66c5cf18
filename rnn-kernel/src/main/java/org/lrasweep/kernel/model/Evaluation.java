package org.lrasweep.kernel.model;

/**
 * Test loss and error rate of a network on a data set (spec section 5).
 *
 * @param loss  mean loss over all sequences
 * @param error fraction of sequences the network gets wrong
 */
public record Evaluation(double loss, double error) {
    /**
     * The mistakes behind an accuracy measured on {@code testSize} sequences: exact, since the
     * accuracy is {@code 1 - mistakes / testSize} in double precision.
     */
    public static long mistakes(double accuracy, int testSize) {
        return Math.round((1.0 - accuracy) * testSize);
    }

    /** The error rate an evaluation with this many mistakes reported, bit for bit. */
    public static double error(long mistakes, int testSize) {
        return (double) mistakes / testSize;
    }

    /** Accuracy, {@code 1 - error}. */
    public double accuracy() {
        return 1.0 - error;
    }
}
