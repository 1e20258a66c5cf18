package org.lrasweep.kernel.model;

import java.util.ArrayList;
import java.util.List;
import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.task.Batch;

/**
 * Evaluates networks on one fixed data set in chunks of {@link #CHUNK} sequences, keeping two
 * states at a time; chunking bounds memory and does not change the result. The chunks and
 * buffers are built once, so a trial evaluates every check without allocating.
 */
public final class Evaluator {
    /** Sequences per forward pass. */
    public static final int CHUNK = 1000;

    private final Batch data;
    private final List<Batch> chunks = new ArrayList<>();
    private Matrix table;
    private Matrix previous;
    private Matrix current;
    private Matrix logits;

    /** An evaluator for this data set. */
    public Evaluator(Batch data) {
        this.data = data;
        for (int from = 0; from < data.size(); from += CHUNK) {
            int to = Math.min(data.size(), from + CHUNK);
            chunks.add(from == 0 && to == data.size() ? data : data.samples(from, to));
        }
    }

    /** One-off evaluation (fixtures and tests). */
    public static Evaluation of(Weights w, Batch data, InitialState init) {
        return new Evaluator(data).evaluate(w, init);
    }

    /** Mean loss and error rate of the weights on the data set from the given initial state. */
    public Evaluation evaluate(Weights w, InitialState init) {
        allocate(w);
        if (data.hasSymbols()) {
            // Row s of Wxh + bh is the projection of symbol s: one gather per step, no product.
            table.assign(w.wxh);
            Ops.addRowVector(table, w.bh);
        }
        OutputLoss loss = OutputLoss.of(data);
        double lossSum = 0;
        long mistakes = 0;
        for (Batch chunk : chunks) {
            Matrix out = forward(w, chunk, init);
            lossSum += loss.value(out, chunk) * chunk.size();
            mistakes += loss.mistakes(out, chunk);
        }
        return new Evaluation(lossSum / data.size(), (double) mistakes / data.size());
    }

    private void allocate(Weights w) {
        int rows = chunks.get(0).size();
        if (previous == null || previous.cols != w.hiddenSize() || logits.cols != w.outputSize()) {
            table = Matrix.zeros(w.inputSize(), w.hiddenSize());
            previous = Matrix.zeros(rows, w.hiddenSize());
            current = Matrix.zeros(rows, w.hiddenSize());
            logits = Matrix.zeros(rows, w.outputSize());
        }
    }

    /** Logits of one chunk, in the same arithmetic as {@link ForwardPass#run}. */
    private Matrix forward(Weights w, Batch chunk, InitialState init) {
        int n = chunk.size();
        Matrix prev = previous.rows(0, n);
        Matrix h = current.rows(0, n);
        Matrix out = logits.rows(0, n);
        boolean hasPrevious = false;
        for (int t = 0; t < chunk.length(); t++) {
            project(w, chunk, t, h);
            if (t == 0 && init == InitialState.RELEASED) {
                prev.assign(h);
                hasPrevious = true;
            }
            if (hasPrevious) {
                Matrix.multiplyAdd(prev, false, w.whh, false, h);
            }
            Ops.tanh(h, prev);
            hasPrevious = true;
        }
        Matrix.multiply(prev, false, w.why, false, out);
        Ops.addRowVector(out, w.by);
        return out;
    }

    private void project(Weights w, Batch chunk, int t, Matrix dst) {
        int n = chunk.size();
        if (chunk.hasSymbols()) {
            Ops.gatherRows(table, chunk.symbols(), t * n, dst);
        } else {
            Matrix.multiply(chunk.inputMatrix().rows(t * n, (t + 1) * n), false, w.wxh, false, dst);
            Ops.addRowVector(dst, w.bh);
        }
    }
}
