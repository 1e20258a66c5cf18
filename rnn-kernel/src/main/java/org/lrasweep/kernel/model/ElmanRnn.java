package org.lrasweep.kernel.model;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.task.Batch;

/**
 * The Elman RNN of spec section 2: {@code h_t = z_{t-1} Whh + x_t Wxh + bh}, {@code z_t = tanh(h_t)},
 * logits {@code o = z_{T-1} Why + by}, read at the last step only.
 */
public final class ElmanRnn {
    private ElmanRnn() {
    }

    /**
     * {@code x_t Wxh + bh} for every step into dst [T*B, H]. One-hot inputs are a row gather of
     * Wxh instead of a matrix product; dense inputs one product for all steps.
     */
    public static void projectInputs(Weights w, Batch batch, Matrix dst) {
        if (batch.hasSymbols()) {
            Ops.gatherRows(w.wxh, batch.symbols(), 0, dst);
        } else {
            Matrix.multiply(batch.inputMatrix(), false, w.wxh, false, dst);
        }
        Ops.addRowVector(dst, w.bh);
    }

    /**
     * {@code dst = (accumulate ? dst : 0) + alpha x^T deltas}, the input weights' gradient from
     * deltas [k*B, H] of the steps starting at {@code fromStep}: a row scatter for one-hot inputs
     * (the same sum as the product, row after row), a product for dense ones.
     */
    public static void inputGradient(Batch batch, int fromStep, Matrix deltas, float alpha, boolean accumulate, Matrix dst) {
        int from = fromStep * batch.size();
        if (batch.hasSymbols()) {
            if (!accumulate) {
                dst.fill(0f);
            }
            Ops.scatterAddRows(batch.symbols(), from, deltas, alpha, dst);
        } else {
            Matrix.gemm(batch.inputMatrix().rows(from, from + deltas.rows), true, deltas, false, dst, alpha,
                    accumulate ? 1f : 0f);
        }
    }

    /** Convenience: a fresh forward pass of the batch (fixtures and tests; trainers reuse one). */
    public static ForwardPass forward(Weights w, Batch batch, InitialState init) {
        return new ForwardPass(batch.length(), batch.size(), w.hiddenSize(), w.outputSize()).run(w, batch, init);
    }
}
