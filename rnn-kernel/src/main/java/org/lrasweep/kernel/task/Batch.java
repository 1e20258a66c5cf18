package org.lrasweep.kernel.task;

import org.lrasweep.kernel.linalg.Matrix;

/**
 * A batch of B sequences of length T with one target each. Inputs are either one-hot symbols
 * (the classification tasks) or dense values (adding, and fixtures that give x explicitly);
 * targets are either classes (cross-entropy) or regression values (squared error). Rows of every [T*B, .] matrix are ordered
 * {@code t * B + b}, so step t is the contiguous block of rows {@code [t*B, (t+1)*B)}.
 */
public final class Batch {
    private final int length;
    private final int size;
    private final int inputSize;
    private final int outputSize;
    private final int[] symbols;
    private final float[] dense;
    private final int[] labels;
    private final float[] targets;
    private Matrix inputMatrix;

    private Batch(int length, int size, int inputSize, int outputSize,
                  int[] symbols, float[] dense, int[] labels, float[] targets) {
        this.length = length;
        this.size = size;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.symbols = symbols;
        this.dense = dense;
        this.labels = labels;
        this.targets = targets;
    }

    /**
     * A classification batch.
     *
     * @param symbols input channel of sample b at step t at index {@code t * size + b}
     * @param labels  target class of each sample
     */
    public static Batch ofSymbols(int length, int size, int inputSize, int outputSize, int[] symbols, int[] labels) {
        if (symbols.length != length * size || labels.length != size) {
            throw new IllegalArgumentException("symbols must hold T*B and labels B entries");
        }
        return new Batch(length, size, inputSize, outputSize, symbols, null, labels, null);
    }

    /**
     * A batch of dense inputs with either class labels or regression targets (exactly one non-null).
     *
     * @param dense   input value at index {@code (t * size + b) * inputSize + channel}
     * @param labels  target class of each sample, or null
     * @param targets regression target of sample b, output k at {@code b * outputSize + k}, or null
     */
    public static Batch ofDense(int length, int size, int inputSize, int outputSize,
                                float[] dense, int[] labels, float[] targets) {
        if (dense.length != length * size * inputSize) {
            throw new IllegalArgumentException("dense inputs must hold T*B*I entries");
        }
        if ((labels == null) == (targets == null)
                || (labels != null && labels.length != size)
                || (targets != null && targets.length != size * outputSize)) {
            throw new IllegalArgumentException("give either B labels or B*O regression targets");
        }
        return new Batch(length, size, inputSize, outputSize, null, dense, labels, targets);
    }

    public int length() {
        return length;
    }

    public int size() {
        return size;
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    /** True when inputs are one-hot symbols. */
    public boolean hasSymbols() {
        return symbols != null;
    }

    /** True when targets are classes, false for regression targets. */
    public boolean isClassification() {
        return labels != null;
    }

    /** Input symbol of sample b at step t (one-hot batches only). */
    public int symbol(int t, int b) {
        return symbols[t * size + b];
    }

    /** Row-ordered symbols {@code t * B + b} (one-hot batches only); not a copy. */
    public int[] symbols() {
        return symbols;
    }

    /** Target class of sample b (classification batches only). */
    public int label(int b) {
        return labels[b];
    }

    /** Raw input value (dense-input batches only). */
    public float denseValue(int t, int b, int channel) {
        return dense[(t * size + b) * inputSize + channel];
    }

    /** Regression target of sample b, output k (regression batches only). */
    public float target(int b, int k) {
        return targets[b * outputSize + k];
    }

    /** The inputs as a dense float matrix [T*B, I] (one-hot rows for symbol batches); built once. */
    public Matrix inputMatrix() {
        if (inputMatrix == null) {
            float[] flat;
            if (symbols != null) {
                flat = new float[length * size * inputSize];
                for (int r = 0; r < symbols.length; r++) {
                    flat[r * inputSize + symbols[r]] = 1f;
                }
            } else {
                flat = dense;
            }
            inputMatrix = Matrix.of(flat, length * size, inputSize);
        }
        return inputMatrix;
    }

    /** Samples {@code [from, to)} of this batch as a new batch (used to evaluate in chunks). */
    public Batch samples(int from, int to) {
        int n = to - from;
        int[] l = labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to);
        float[] y = targets == null ? null : java.util.Arrays.copyOfRange(targets, from * outputSize, to * outputSize);
        if (symbols != null) {
            int[] s = new int[length * n];
            for (int t = 0; t < length; t++) {
                System.arraycopy(symbols, t * size + from, s, t * n, n);
            }
            return new Batch(length, n, inputSize, outputSize, s, null, l, y);
        }
        float[] d = new float[length * n * inputSize];
        for (int t = 0; t < length; t++) {
            System.arraycopy(dense, (t * size + from) * inputSize, d, t * n * inputSize, n * inputSize);
        }
        return new Batch(length, n, inputSize, outputSize, null, d, l, y);
    }
}
