package org.lrasweep.kernel.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The five parameters of the Elman RNN in the spec's row-vector convention (section 2):
 * {@code Wxh} [I, H], {@code Whh} [H, H], {@code Why} [H, O], {@code bh} [1, H], {@code by} [1, O],
 * all float32. Trainers update them in place.
 */
public final class Weights {
    public final INDArray wxh;
    public final INDArray whh;
    public final INDArray why;
    public final INDArray bh;
    public final INDArray by;

    /** Wraps the given arrays (not copied); biases are reshaped to row vectors. */
    public Weights(INDArray wxh, INDArray whh, INDArray why, INDArray bh, INDArray by) {
        this.wxh = wxh;
        this.whh = whh;
        this.why = why;
        this.bh = bh.reshape(1, bh.length());
        this.by = by.reshape(1, by.length());
        if (whh.rows() != whh.columns() || wxh.columns() != whh.rows() || why.rows() != whh.rows()
                || this.bh.length() != whh.rows() || this.by.length() != why.columns()) {
            throw new IllegalArgumentException("inconsistent weight shapes: Wxh " + shape(wxh) + ", Whh " + shape(whh)
                    + ", Why " + shape(why) + ", bh " + bh.length() + ", by " + by.length());
        }
    }

    private static String shape(INDArray a) {
        return a.rows() + "x" + a.columns();
    }

    public int inputSize() {
        return (int) wxh.rows();
    }

    public int hiddenSize() {
        return (int) whh.rows();
    }

    public int outputSize() {
        return (int) why.columns();
    }

    /** A deep copy in c order. */
    public Weights copy() {
        return new Weights(wxh.dup('c'), whh.dup('c'), why.dup('c'), bh.dup('c'), by.dup('c'));
    }

    /** True when every entry of every parameter is finite. */
    public boolean isFinite() {
        for (INDArray a : new INDArray[] {wxh, whh, why, bh, by}) {
            double s = a.sumNumber().doubleValue();
            if (!Double.isFinite(s)) {
                return false;
            }
        }
        return true;
    }
}
