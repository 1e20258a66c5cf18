package org.lrasweep.kernel.model;

import org.lrasweep.kernel.linalg.Matrix;

/**
 * The five parameters of the Elman RNN in the spec's row-vector convention (section 2):
 * {@code Wxh} [I, H], {@code Whh} [H, H], {@code Why} [H, O], {@code bh} [1, H], {@code by} [1, O],
 * all float32. Trainers update them in place.
 */
public final class Weights {
    public final Matrix wxh;
    public final Matrix whh;
    public final Matrix why;
    public final Matrix bh;
    public final Matrix by;

    /**
     * Wraps the given matrices (not copied).
     *
     * @throws IllegalArgumentException when the shapes do not fit together
     */
    public Weights(Matrix wxh, Matrix whh, Matrix why, Matrix bh, Matrix by) {
        if (whh.rows != whh.cols || wxh.cols != whh.rows || why.rows != whh.rows || bh.rows != 1 || by.rows != 1
                || bh.cols != whh.rows || by.cols != why.cols) {
            throw new IllegalArgumentException("inconsistent weight shapes: Wxh " + shape(wxh) + ", Whh " + shape(whh)
                    + ", Why " + shape(why) + ", bh " + shape(bh) + ", by " + shape(by));
        }
        this.wxh = wxh;
        this.whh = whh;
        this.why = why;
        this.bh = bh;
        this.by = by;
    }

    private static String shape(Matrix m) {
        return m.rows + "x" + m.cols;
    }

    public int inputSize() {
        return wxh.rows;
    }

    public int hiddenSize() {
        return whh.rows;
    }

    public int outputSize() {
        return why.cols;
    }

    /** A deep copy. */
    public Weights copy() {
        return new Weights(wxh.copy(), whh.copy(), why.copy(), bh.copy(), by.copy());
    }
}
