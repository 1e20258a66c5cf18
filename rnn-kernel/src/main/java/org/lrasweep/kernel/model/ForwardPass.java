package org.lrasweep.kernel.model;

import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything the forward pass computed on one batch: pre-activations h_t and states z_t stacked
 * as [T*B, H] (rows {@code t*B + b}), the initial state and the logits of the last step.
 */
public final class ForwardPass {
    public final Batch batch;
    public final int length;
    public final int batchSize;
    /** Pre-activations h_t, [T*B, H]. */
    public final INDArray pre;
    /** States z_t = tanh(h_t), [T*B, H]. */
    public final INDArray states;
    /** z_{-1}, [B, H]; null for the zero state. */
    public final INDArray initial;
    /** Logits o = z_{T-1} Why + by, [B, O]. */
    public final INDArray logits;
    private INDArray tanhDerivative;
    private final INDArray[] preViews;
    private final INDArray[] stateViews;

    ForwardPass(Batch batch, INDArray pre, INDArray states, INDArray initial, INDArray logits,
                INDArray[] preViews, INDArray[] stateViews) {
        this.batch = batch;
        this.length = batch.length();
        this.batchSize = batch.size();
        this.pre = pre;
        this.states = states;
        this.initial = initial;
        this.logits = logits;
        this.preViews = preViews;
        this.stateViews = stateViews;
    }

    /** h_t as a [B, H] view. */
    public INDArray h(int t) {
        return preViews[t];
    }

    /** z_t as a [B, H] view. */
    public INDArray z(int t) {
        return stateViews[t];
    }

    /** z_{T-1}. */
    public INDArray last() {
        return stateViews[length - 1];
    }

    /** tanh'(h_t) = 1 - z_t^2 for all steps, [T*B, H], computed once. */
    public INDArray tanhDerivative() {
        if (tanhDerivative == null) {
            tanhDerivative = Nd.tanhDerivativeFromOutput(states);
        }
        return tanhDerivative;
    }
}
