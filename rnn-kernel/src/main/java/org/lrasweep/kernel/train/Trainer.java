package org.lrasweep.kernel.train;

import org.lrasweep.kernel.model.InitialState;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;

/**
 * One learning algorithm: turns a batch into an update and applies it. Implementations hold only
 * their settings, so a trial's result depends on its weights, batches and settings alone.
 */
public interface Trainer {
    /** The initial state this algorithm's evaluation starts from (spec section 5). */
    InitialState evaluationStart();

    /**
     * One training iteration on the batch; updates the weights in place.
     *
     * @param recordDiagnostics whether to fill {@link StepReport#diagnostics()}
     */
    StepReport step(Weights w, Batch batch, boolean recordDiagnostics);

    /**
     * What this trainer carries from one iteration to the next besides the weights (LRA's momentum
     * velocity), for a checkpoint; empty when nothing (every other buffer is rewritten each iteration).
     */
    default java.util.List<org.lrasweep.kernel.linalg.Matrix> carriedState() {
        return java.util.List.of();
    }

    /** Restores what {@link #carriedState()} returned, before the next {@link #step}. */
    default void restoreCarriedState(java.util.List<org.lrasweep.kernel.linalg.Matrix> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " carries no state, got " + state.size() + " matrices");
        }
    }
}
