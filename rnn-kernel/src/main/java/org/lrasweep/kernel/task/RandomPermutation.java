package org.lrasweep.kernel.task;

import org.lrasweep.kernel.random.NumpyRandomState;

/**
 * Random permutation (spec section 1): 100 symbols; the first symbol is 0 or 1 and must be
 * recalled after T - 1 random distractors in 2..99. Chance 50%.
 */
public final class RandomPermutation implements Task {
    private static final int SYMBOLS = 100;

    @Override
    public String name() {
        return "random-permutation";
    }

    @Override
    public int inputSize() {
        return SYMBOLS;
    }

    @Override
    public double chanceAccuracy() {
        // 100 output classes, but the first symbol, which is the answer, is always 0 or 1.
        return 0.5;
    }

    @Override
    public int outputSize() {
        return SYMBOLS;
    }

    @Override
    public boolean isRegression() {
        return false;
    }

    @Override
    public Batch generate(NumpyRandomState rng, int batch, int length) {
        Task.checkShape(batch, length);
        // r has T + 1 rows; row T (the target) is overwritten with the first symbol.
        int[] r = rng.randint(SYMBOLS - 2, (length + 1) * batch);
        int[] v = rng.randint(2, batch);
        int[] symbols = new int[length * batch];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = r[i] + 2;
        }
        System.arraycopy(v, 0, symbols, 0, batch);
        return Batch.ofSymbols(length, batch, SYMBOLS, SYMBOLS, symbols, v.clone());
    }
}
