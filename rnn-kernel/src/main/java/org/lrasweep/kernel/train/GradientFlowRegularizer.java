package org.lrasweep.kernel.train;

import org.lrasweep.kernel.model.Nd;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    GradientFlowRegularizer(boolean diagonalQuirk) {
        this.diagonalQuirk = diagonalQuirk;
    }

    /** The derivatives of Omega with respect to W and to a. */
    record Derivatives(INDArray dW, INDArray dA) {
    }

    /**
     * dOmega/dW and dOmega/da, or null when {@code ||g|| = 0}: Omega is 0/0 there and is skipped (the
     * one deliberate departure from the authors' code, whose target loop turns it into NaN).
     */
    Derivatives derivatives(INDArray g, INDArray w, INDArray a) {
        double gNorm = Nd.norm(g);
        if (gNorm == 0) {
            return null;
        }
        INDArray gw = Nd.mmul(g, false, w, true);
        INDArray tanhA = Transforms.tanh(a, true);
        INDArray s;
        INDArray diagonal = null;
        if (diagonalQuirk) {
            float[] t = Nd.toFloats(tanhA);
            int rows = (int) a.rows();
            int cols = (int) a.columns();
            float[] d = new float[rows];
            for (int b = 0; b < rows; b++) {
                float v = t[b * cols + b];
                d[b] = 1f - v * v;
            }
            diagonal = Nd.matrix(d, rows, 1);
            s = Nd.zeros(rows, cols).addiColumnVector(diagonal);
        } else {
            s = Nd.tanhDerivativeFromOutput(tanhA);
        }
        INDArray term = gw.mul(s);
        double termNorm = Nd.norm(term);
        double ratio = termNorm / gNorm;
        // dOmega/dterm = 2 (ratio - 1) / ||g|| * term / ||term||; PyTorch's norm has gradient 0 at 0.
        double coefficient = termNorm > 0 ? 2 * (ratio - 1) / (gNorm * termNorm) : 0.0;
        INDArray dTerm = term.muli(coefficient);
        INDArray dW = Nd.mmul(dTerm.mul(s), true, g, false);
        // ds/da = -2 tanh(a) tanh'(a); through s only, g being constant.
        INDArray dA;
        INDArray chain = dTerm.muli(gw);
        if (diagonalQuirk) {
            float[] rowSums = Nd.toFloats(chain.sum(1));
            float[] t = Nd.toFloats(tanhA);
            float[] d = Nd.toFloats(diagonal);
            int rows = (int) a.rows();
            int cols = (int) a.columns();
            float[] out = new float[rows * cols];
            for (int b = 0; b < rows; b++) {
                out[b * cols + b] = rowSums[b] * (-2f * t[b * cols + b] * d[b]);
            }
            dA = Nd.matrix(out, rows, cols);
        } else {
            dA = chain.muli(tanhA).muli(s).muli(-2.0);
        }
        return new Derivatives(dW, dA);
    }
}
