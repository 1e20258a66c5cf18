package org.lrasweep.kernel.train;

import org.lrasweep.kernel.model.Nd;
import org.lrasweep.kernel.model.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One array per parameter, shaped like {@link Weights}: the update a trainer hands to SGD. */
public final class Gradients {
    public final INDArray wxh;
    public final INDArray whh;
    public final INDArray why;
    public final INDArray bh;
    public final INDArray by;

    public Gradients(INDArray wxh, INDArray whh, INDArray why, INDArray bh, INDArray by) {
        this.wxh = wxh;
        this.whh = whh;
        this.why = why;
        this.bh = bh.reshape(1, bh.length());
        this.by = by.reshape(1, by.length());
    }

    /** Global Frobenius norm over all five arrays. */
    public double globalNorm() {
        return Math.sqrt(Nd.sumSquares(wxh) + Nd.sumSquares(whh) + Nd.sumSquares(why)
                + Nd.sumSquares(bh) + Nd.sumSquares(by));
    }

    /** A copy with every array multiplied by the factor. */
    public Gradients scaled(double factor) {
        return new Gradients(wxh.mul(factor), whh.mul(factor), why.mul(factor), bh.mul(factor), by.mul(factor));
    }

    /** Plain SGD in place: {@code W <- W - eta * grad} for every parameter. */
    public void applySgd(Weights w, double eta) {
        w.wxh.subi(wxh.mul(eta));
        w.whh.subi(whh.mul(eta));
        w.why.subi(why.mul(eta));
        w.bh.subi(bh.mul(eta));
        w.by.subi(by.mul(eta));
    }
}
