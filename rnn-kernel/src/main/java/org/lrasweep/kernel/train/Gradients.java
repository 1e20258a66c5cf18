package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.model.Weights;

/** One matrix per parameter, shaped like {@link Weights}: the update a trainer hands to SGD. */
public final class Gradients {
    public final Matrix wxh;
    public final Matrix whh;
    public final Matrix why;
    public final Matrix bh;
    public final Matrix by;

    public Gradients(Matrix wxh, Matrix whh, Matrix why, Matrix bh, Matrix by) {
        this.wxh = wxh;
        this.whh = whh;
        this.why = why;
        this.bh = bh;
        this.by = by;
    }

    /** Zero gradients for weights of this shape. */
    public static Gradients zerosLike(Weights w) {
        return new Gradients(Matrix.zeros(w.wxh.rows, w.wxh.cols), Matrix.zeros(w.whh.rows, w.whh.cols),
                Matrix.zeros(w.why.rows, w.why.cols), Matrix.zeros(1, w.bh.cols), Matrix.zeros(1, w.by.cols));
    }

    /** Global Frobenius norm over all five matrices. */
    public double globalNorm() {
        return Math.sqrt(wxh.sumSquares() + whh.sumSquares() + why.sumSquares() + bh.sumSquares() + by.sumSquares());
    }

    /** A deep copy with every entry multiplied by the factor. */
    public Gradients scaledCopy(float factor) {
        Gradients g = new Gradients(wxh.copy(), whh.copy(), why.copy(), bh.copy(), by.copy());
        for (Matrix m : g.all()) {
            Ops.scale(m, factor);
        }
        return g;
    }

    /** Plain SGD in place: {@code W <- W - eta * grad} for every parameter. */
    public void applySgd(Weights w, double eta) {
        Ops.axpy((float) -eta, wxh, w.wxh);
        Ops.axpy((float) -eta, whh, w.whh);
        Ops.axpy((float) -eta, why, w.why);
        Ops.axpy((float) -eta, bh, w.bh);
        Ops.axpy((float) -eta, by, w.by);
    }

    /** Heavy-ball momentum in place, this being the velocity: {@code v <- mu v + update} for every parameter. */
    public void decayAndAdd(float mu, Gradients update) {
        Matrix[] v = all();
        Matrix[] u = update.all();
        for (int i = 0; i < v.length; i++) {
            Ops.scale(v[i], mu);
            Ops.axpy(1f, u[i], v[i]);
        }
    }

    private Matrix[] all() {
        return new Matrix[] {wxh, whh, why, bh, by};
    }
}
