package org.lrasweep.kernel.model;

import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test loss and error rate of a network on a data set (spec section 5), in chunks of
 * {@link #CHUNK} sequences; chunking bounds memory and does not change the result.
 *
 * @param loss  mean loss over all sequences
 * @param error fraction of sequences the network gets wrong
 */
public record Evaluation(double loss, double error) {
    /** Sequences per forward pass. */
    public static final int CHUNK = 1000;

    /** Accuracy, {@code 1 - error}. */
    public double accuracy() {
        return 1.0 - error;
    }

    /** Evaluates the weights on every sequence of the data set from the given initial state. */
    public static Evaluation of(Weights w, Batch data, InitialState init) {
        OutputLoss loss = OutputLoss.of(data);
        double lossSum = 0;
        long mistakes = 0;
        for (int from = 0; from < data.size(); from += CHUNK) {
            int to = Math.min(data.size(), from + CHUNK);
            Batch chunk = from == 0 && to == data.size() ? data : data.samples(from, to);
            INDArray logits = ElmanRnn.logits(w, chunk, init);
            lossSum += loss.value(logits, chunk) * chunk.size();
            mistakes += loss.mistakes(logits, chunk);
        }
        return new Evaluation(lossSum / data.size(), (double) mistakes / data.size());
    }
}
