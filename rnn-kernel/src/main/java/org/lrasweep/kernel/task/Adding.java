package org.lrasweep.kernel.task;

import org.lrasweep.kernel.random.NumpyRandomState;

/**
 * Adding (Pascanu's fixed-length variant; not in the paper): channel 1 carries uniform values,
 * channel 0 marks two of them, one in the first tenth and one in the following four tenths; the
 * target is their mean. Regression: a sample is an error when its squared error exceeds 0.04.
 */
public final class Adding implements Task {
    /** Squared error above which a sample counts as a mistake. */
    public static final double ERROR_THRESHOLD = 0.04;

    @Override
    public String name() {
        return "adding";
    }

    @Override
    public int inputSize() {
        return 2;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public boolean isRegression() {
        return true;
    }

    @Override
    public Batch generate(NumpyRandomState rng, int batch, int length) {
        Task.checkShape(batch, length);
        int tenth = (int) (length * 0.1);
        int[] p0 = rng.randint(tenth, batch);
        int[] p1 = rng.randint((int) (length * 0.4), batch);
        float[] x = new float[length * batch * 2];
        for (int i = 0; i < x.length; i++) {
            // uniform((T, B, 2)) in C order; channel 0's draw is consumed and then discarded.
            float u = (float) rng.uniform();
            x[i] = (i & 1) == 0 ? 0f : u;
        }
        float[] targets = new float[batch];
        for (int b = 0; b < batch; b++) {
            int first = p0[b];
            int second = p1[b] + tenth;
            x[(first * batch + b) * 2] = 1f;
            x[(second * batch + b) * 2] = 1f;
            targets[b] = (x[(first * batch + b) * 2 + 1] + x[(second * batch + b) * 2 + 1]) / 2f;
        }
        return Batch.ofDense(length, batch, 2, 1, x, null, targets);
    }
}
