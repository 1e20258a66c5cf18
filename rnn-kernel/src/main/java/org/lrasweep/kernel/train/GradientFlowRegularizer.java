package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;

/**
 * The gradient-flow regularizer Omega of regularized LRA (spec section 4): for an error signal g
 * held constant, the pre-activation a below a transition and its weights W,
 * {@code term = (g W^T) * s(a)} and {@code Omega = (||term|| / ||g|| - 1)^2}, which rewards
 * transitions that keep the error signal's norm.
 *
 * <p>{@code s} is {@code tanh'(a)} element-wise, except under the {@code released} quirk (spec 4a):
 * the authors' {@code torch.diag(1 - tanh(a)^2)} keeps only the diagonal {@code d[b] = tanh'(a[b][b])}
 * of the B x H matrix and scales row b of {@code g W^T} by it, so dOmega/da is non-zero only at
 * the entries (b, b), and B <= H is required.
 */
final class GradientFlowRegularizer {
    private final boolean diagonalQuirk;
    private final OmegaGuard guard;
    private final Matrix gw;
    private final Matrix tanhA;
    private final Matrix s;
    /** Under the quirk, row b of s is the constant d[b] = tanh'(a[b][b]). */
    private final float[] rowFactor;
    private final double[] rowSum;
    private final Matrix term;
    private final Matrix scratch;

    /** A regularizer with buffers for B x H pre-activations. */
    GradientFlowRegularizer(boolean diagonalQuirk, OmegaGuard guard, int batch, int hidden) {
        this.diagonalQuirk = diagonalQuirk;
        this.guard = guard;
        gw = Matrix.zeros(batch, hidden);
        tanhA = Matrix.zeros(batch, hidden);
        s = Matrix.zeros(batch, hidden);
        rowFactor = new float[batch];
        rowSum = new double[batch];
        term = Matrix.zeros(batch, hidden);
        scratch = Matrix.zeros(batch, hidden);
    }

    /**
     * Writes dOmega/dW into dW and dOmega/da into dA (either may be null when not wanted). Where
     * {@code ||g|| = 0} Omega is 0/0: under {@link OmegaGuard#ON} it returns false, writing nothing
     * (the term is skipped: the one deliberate departure from the authors' code); under
     * {@link OmegaGuard#OFF} it writes NaN, as the authors' autograd does, and returns true.
     */
    boolean derivatives(Matrix g, Matrix w, Matrix a, Matrix dW, Matrix dA) {
        return derivatives(g, null, w, a, null, dW, dA);
    }

    /**
     * As {@link #derivatives(Matrix, Matrix, Matrix, Matrix, Matrix)}, given what the caller already
     * has, else null: {@code g W^T} (a target search's own backward product) and {@code tanh(a)}
     * (tanh is the costliest element-wise operation here).
     */
    boolean derivatives(Matrix g, Matrix gTimesWT, Matrix w, Matrix a, Matrix tanhOfA, Matrix dW, Matrix dA) {
        double gNorm = g.norm();
        if (gNorm == 0) {
            if (guard == OmegaGuard.ON) {
                return false;
            }
            for (Matrix d : new Matrix[] {dW, dA}) {
                if (d != null) {
                    d.fill(Float.NaN);
                }
            }
            return true;
        }
        Matrix gw = gTimesWT;
        if (gw == null) {
            gw = this.gw;
            Matrix.multiply(g, false, w, true, gw);
        }
        Matrix tanhA = tanhOfA;
        if (tanhA == null) {
            tanhA = this.tanhA;
            Ops.tanh(a, tanhA);
        }
        if (diagonalQuirk) {
            for (int b = 0; b < a.rows; b++) {
                float t = tanhA.get(b, b);
                rowFactor[b] = 1f - t * t;
            }
            Ops.scaleRows(gw, rowFactor, term);
        } else {
            Ops.tanhDerivativeFromOutput(tanhA, s);
            Ops.multiply(gw, s, term);
        }
        double termNorm = term.norm();
        double ratio = termNorm / gNorm;
        // dOmega/dterm = coefficient * term; PyTorch's norm has gradient 0 at 0.
        float coefficient = termNorm > 0 ? (float) (2 * (ratio - 1) / (gNorm * termNorm)) : 0f;
        if (dW != null) {
            if (diagonalQuirk) {
                Ops.scaleRows(term, rowFactor, scratch);
            } else {
                Ops.multiply(term, s, scratch);
            }
            Ops.scale(scratch, coefficient);
            Matrix.multiply(scratch, true, g, false, dW);
        }
        if (dA != null) {
            // Through s only (g is constant): ds/da = -2 tanh(a) tanh'(a).
            Ops.multiply(term, gw, scratch);
            if (diagonalQuirk) {
                dA.fill(0f);
                Ops.rowSums(scratch, rowSum);
                for (int b = 0; b < a.rows; b++) {
                    float t = tanhA.get(b, b);
                    dA.set(b, b, (float) (coefficient * rowSum[b]) * (-2f * t * rowFactor[b]));
                }
            } else {
                Ops.multiply(scratch, tanhA, s, dA);
                Ops.scale(dA, -2f * coefficient);
            }
        }
        return true;
    }
}
