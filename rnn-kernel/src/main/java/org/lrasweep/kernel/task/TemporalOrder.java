package org.lrasweep.kernel.task;

import org.lrasweep.kernel.random.NumpyRandomState;

/**
 * Temporal order (spec section 1): two marked symbols in {0, 1} at random positions in the first
 * and middle tenths, distractors 2..5 elsewhere; the class is {@code v0 + 2 v1}. Chance 25%.
 */
public final class TemporalOrder implements Task {
    static final int INPUTS = 6;

    @Override
    public String name() {
        return "temporal-order";
    }

    @Override
    public int inputSize() {
        return INPUTS;
    }

    @Override
    public int outputSize() {
        return 4;
    }

    @Override
    public boolean isRegression() {
        return false;
    }

    @Override
    public Batch generate(NumpyRandomState rng, int batch, int length) {
        Task.checkShape(batch, length);
        return MarkedSymbols.generate(rng, batch, length, new int[] {(int) (length * 0.1), (int) (length * 0.5)}, INPUTS);
    }
}
