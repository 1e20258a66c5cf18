package org.lrasweep.kernel.model;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.task.Batch;

/** The global loss L on the logits of the last step, with its gradient and mistake count. */
public interface OutputLoss {
    /** Mean loss over the batch. */
    double value(Matrix logits, Batch batch);

    /** dL/do for the mean loss, written into dst [B, O]. */
    void gradient(Matrix logits, Batch batch, Matrix dst);

    /** Number of samples the network gets wrong. */
    int mistakes(Matrix logits, Batch batch);

    /** Cross-entropy for classification batches, squared error for regression batches. */
    static OutputLoss of(Batch batch) {
        return batch.isClassification() ? SoftmaxCrossEntropy.INSTANCE : SquaredError.INSTANCE;
    }
}
