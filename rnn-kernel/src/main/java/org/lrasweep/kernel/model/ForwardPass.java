package org.lrasweep.kernel.model;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.task.Batch;

/**
 * The forward pass of spec section 2 on one batch, keeping every step: pre-activations h_t,
 * states z_t = tanh(h_t) and tanh'(h_t), stacked as [T*B, H] (rows {@code t*B + b}), and the
 * logits. A reusable workspace: {@link #run} overwrites the previous batch's values, so a trainer
 * allocates it once for its shape.
 */
public final class ForwardPass {
    public final int length;
    public final int batchSize;
    /** x_t Wxh + bh for every step, [T*B, H]. */
    public final Matrix projected;
    /** Pre-activations h_t, [T*B, H]. */
    public final Matrix pre;
    /** States z_t, [T*B, H]. */
    public final Matrix states;
    /** tanh'(h_t) = 1 - z_t^2, [T*B, H]. */
    public final Matrix tanhDerivative;
    /** Logits o = z_{T-1} Why + by, [B, O]. */
    public final Matrix logits;
    private final Matrix initial;
    private final Matrix[] projectedSteps;
    private final Matrix[] preSteps;
    private final Matrix[] stateSteps;
    private final Matrix[] derivativeSteps;

    /** A workspace for batches of B sequences of length T through H hidden units and O outputs. */
    public ForwardPass(int length, int batchSize, int hidden, int outputs) {
        this.length = length;
        this.batchSize = batchSize;
        projected = Matrix.zeros(length * batchSize, hidden);
        pre = Matrix.zeros(length * batchSize, hidden);
        states = Matrix.zeros(length * batchSize, hidden);
        tanhDerivative = Matrix.zeros(length * batchSize, hidden);
        logits = Matrix.zeros(batchSize, outputs);
        initial = Matrix.zeros(batchSize, hidden);
        projectedSteps = steps(projected, length, batchSize);
        preSteps = steps(pre, length, batchSize);
        stateSteps = steps(states, length, batchSize);
        derivativeSteps = steps(tanhDerivative, length, batchSize);
    }

    /** The per-step row blocks of a stacked [T*B, .] matrix, as views. */
    public static Matrix[] steps(Matrix stacked, int length, int batchSize) {
        Matrix[] views = new Matrix[length];
        for (int t = 0; t < length; t++) {
            views[t] = stacked.rows(t * batchSize, (t + 1) * batchSize);
        }
        return views;
    }

    /** True when this workspace fits the weights and batch. */
    public boolean fits(Weights w, Batch b) {
        return b.length() == length && b.size() == batchSize && pre.cols == w.hiddenSize() && logits.cols == w.outputSize();
    }

    /** Runs the network on the batch from the given initial state, overwriting this workspace. */
    public ForwardPass run(Weights w, Batch b, InitialState init) {
        if (!fits(w, b)) {
            throw new IllegalArgumentException("forward workspace does not fit the batch or weights");
        }
        ElmanRnn.projectInputs(w, b, projected);
        Matrix previous = null;
        if (init == InitialState.RELEASED) {
            initial.assign(projectedSteps[0]);
            previous = initial;
        }
        for (int t = 0; t < length; t++) {
            Matrix h = preSteps[t];
            h.assign(projectedSteps[t]);
            if (previous != null) {
                Matrix.multiplyAdd(previous, false, w.whh, false, h);
            }
            Ops.tanhWithDerivative(h, stateSteps[t], derivativeSteps[t]);
            previous = stateSteps[t];
        }
        Matrix.multiply(previous, false, w.why, false, logits);
        Ops.addRowVector(logits, w.by);
        return this;
    }

    /** x_t Wxh + bh, [B, H]. */
    public Matrix projected(int t) {
        return projectedSteps[t];
    }

    /** h_t, [B, H]. */
    public Matrix h(int t) {
        return preSteps[t];
    }

    /** z_t, [B, H]. */
    public Matrix z(int t) {
        return stateSteps[t];
    }

    /** tanh'(h_t), [B, H]. */
    public Matrix tanhDerivative(int t) {
        return derivativeSteps[t];
    }

    /** z_{T-1}. */
    public Matrix last() {
        return stateSteps[length - 1];
    }
}
