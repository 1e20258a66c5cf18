package org.lrasweep.kernel.task;

import org.lrasweep.kernel.random.NumpyRandomState;

/**
 * 3-bit temporal order (spec section 1): three marked symbols at offsets {@code int(0.1T)},
 * {@code int(0.3T)}, {@code int(0.6T)}; the class is {@code v0 + 2 v1 + 4 v2}. Chance 12.5%.
 */
public final class TemporalOrder3Bit implements Task {
    @Override
    public String name() {
        return "temporal-order-3bit";
    }

    @Override
    public int inputSize() {
        return TemporalOrder.INPUTS;
    }

    @Override
    public int outputSize() {
        return 8;
    }

    @Override
    public boolean isRegression() {
        return false;
    }

    @Override
    public Batch generate(NumpyRandomState rng, int batch, int length) {
        Task.checkShape(batch, length);
        int[] offsets = {(int) (length * 0.1), (int) (length * 0.3), (int) (length * 0.6)};
        return MarkedSymbols.generate(rng, batch, length, offsets, TemporalOrder.INPUTS);
    }
}
