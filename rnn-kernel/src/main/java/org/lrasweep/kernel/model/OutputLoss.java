package org.lrasweep.kernel.model;

import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The global loss L on the logits of the last step, with its gradient and mistake count. */
public interface OutputLoss {
    /** Mean loss over the batch. */
    double value(INDArray logits, Batch batch);

    /** dL/do, [B, O], for the mean loss. */
    INDArray gradient(INDArray logits, Batch batch);

    /** Number of samples the network gets wrong. */
    int mistakes(INDArray logits, Batch batch);

    /** Cross-entropy for classification batches, squared error for regression batches. */
    static OutputLoss of(Batch batch) {
        return batch.isClassification() ? SoftmaxCrossEntropy.INSTANCE : SquaredError.INSTANCE;
    }
}
