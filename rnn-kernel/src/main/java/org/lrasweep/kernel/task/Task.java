package org.lrasweep.kernel.task;

import org.lrasweep.kernel.random.NumpyRandomState;

/**
 * A synthetic long-range task of Pascanu et al. (2013): draws batches from a trial's numpy-exact
 * random stream (spec section 1). Implementations are stateless; the stream carries all state.
 */
public interface Task {
    /** Shortest sequence length any task accepts ({@code int(0.1 T)} must be positive). */
    int MIN_LENGTH = 10;

    /** The task's name as used in configurations, e.g. {@code temporal-order}. */
    String name();

    /** Number of input channels I. */
    int inputSize();

    /** Number of outputs O (classes, or regression outputs). */
    int outputSize();

    /** True for a regression task (mean squared error), false for classification (cross-entropy). */
    boolean isRegression();

    /**
     * The test accuracy of guessing: one over the classes a sequence can end in (NaN for
     * regression, where accuracy counts squared errors under 0.04).
     */
    default double chanceAccuracy() {
        return isRegression() ? Double.NaN : 1.0 / outputSize();
    }

    /**
     * Draws B sequences of length T from the stream, in the reference's draw order.
     *
     * @throws IllegalArgumentException if {@code batch < 1} or {@code length < 10}
     */
    Batch generate(NumpyRandomState rng, int batch, int length);

    /** Rejects shapes no task accepts, with the offending value in the message. */
    static void checkShape(int batch, int length) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("length must be >= " + MIN_LENGTH + " (int(0.1*T) must be positive), got " + length);
        }
    }
}
