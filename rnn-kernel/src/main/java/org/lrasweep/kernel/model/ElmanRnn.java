package org.lrasweep.kernel.model;

import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Elman RNN of spec section 2: {@code h_t = z_{t-1} Whh + x_t Wxh + bh}, {@code z_t = tanh(h_t)},
 * logits {@code o = z_{T-1} Why + by}, read at the last step only.
 */
public final class ElmanRnn {
    private ElmanRnn() {
    }

    /**
     * {@code x_t Wxh + bh} for every step, [T*B, H]. One-hot inputs are a row gather of Wxh (one
     * op for all steps instead of T matrix products); dense inputs one matrix product.
     */
    public static INDArray inputProjection(Weights w, Batch batch) {
        INDArray projected;
        if (batch.hasSymbols()) {
            projected = Nd4j.pullRows(w.wxh, 1, batch.symbols());
        } else {
            projected = batch.inputMatrix().mmul(w.wxh);
        }
        return projected.addiRowVector(w.bh);
    }

    /** The full forward pass, keeping every h_t and z_t (training). */
    public static ForwardPass forward(Weights w, Batch batch, InitialState init) {
        int length = batch.length();
        int b = batch.size();
        INDArray pre = inputProjection(w, batch);
        INDArray states = Nd4j.createUninitialized(DataType.FLOAT, (long) length * b, w.hiddenSize());
        INDArray[] preViews = new INDArray[length];
        INDArray[] stateViews = new INDArray[length];
        INDArray initial = init == InitialState.RELEASED ? Nd.step(pre, 0, b).dup('c') : null;
        INDArray previous = initial;
        for (int t = 0; t < length; t++) {
            INDArray h = Nd.step(pre, t, b);
            INDArray z = Nd.step(states, t, b);
            if (previous != null) {
                Nd.gemm(previous, false, w.whh, false, h, 1.0);
            }
            Nd4j.getExecutioner().exec(new Tanh(h, z));
            preViews[t] = h;
            stateViews[t] = z;
            previous = z;
        }
        INDArray logits = previous.mmul(w.why).addiRowVector(w.by);
        return new ForwardPass(batch, pre, states, initial, logits, preViews, stateViews);
    }

    /**
     * Logits only, keeping two states at a time (evaluation of large chunks). Same arithmetic as
     * {@link #forward}.
     */
    public static INDArray logits(Weights w, Batch batch, InitialState init) {
        int b = batch.size();
        INDArray projectedInputs = inputProjection(w, batch);
        INDArray previous = init == InitialState.RELEASED ? Nd.step(projectedInputs, 0, b).dup('c') : null;
        INDArray h = Nd.zeros(b, w.hiddenSize());
        for (int t = 0; t < batch.length(); t++) {
            h.assign(Nd.step(projectedInputs, t, b));
            if (previous != null) {
                Nd.gemm(previous, false, w.whh, false, h, 1.0);
            } else {
                previous = Nd.zeros(b, w.hiddenSize());
            }
            Nd4j.getExecutioner().exec(new Tanh(h, previous));
        }
        return previous.mmul(w.why).addiRowVector(w.by);
    }
}
