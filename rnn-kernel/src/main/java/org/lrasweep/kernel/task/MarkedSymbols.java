package org.lrasweep.kernel.task;

import org.lrasweep.kernel.random.NumpyRandomState;

/** The shared generator of the temporal-order family: binary marks among distractor symbols. */
final class MarkedSymbols {
    private MarkedSymbols() {
    }

    /**
     * Draws, per mark i, positions {@code randint(int(0.1T)) + offsets[i]} and values
     * {@code randint(2)}, then distractors {@code randint(I - 2, (T, B)) + 2}; the class is the
     * marks read as a binary number, mark 0 the least significant bit.
     */
    static Batch generate(NumpyRandomState rng, int batch, int length, int[] offsets, int inputs) {
        int tenth = (int) (length * 0.1);
        int marks = offsets.length;
        int[][] positions = new int[marks][];
        int[][] values = new int[marks][];
        for (int i = 0; i < marks; i++) {
            positions[i] = rng.randint(tenth, batch);
            for (int b = 0; b < batch; b++) {
                positions[i][b] += offsets[i];
            }
            values[i] = rng.randint(2, batch);
        }
        int[] symbols = rng.randint(inputs - 2, length * batch);
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] += 2;
        }
        int[] labels = new int[batch];
        for (int i = 0; i < marks; i++) {
            for (int b = 0; b < batch; b++) {
                symbols[positions[i][b] * batch + b] = values[i][b];
                labels[b] += values[i][b] << i;
            }
        }
        return Batch.ofSymbols(length, batch, inputs, 1 << marks, symbols, labels);
    }
}
