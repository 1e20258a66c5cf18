package org.lrasweep.kernel.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The few ND4J idioms the kernel uses, in one place so that the hot path can be tuned (or moved
 * off ND4J's per-op dispatch) without touching the algorithms.
 */
public final class Nd {
    private Nd() {
    }

    /** A new zero float32 matrix. */
    public static INDArray zeros(long rows, long cols) {
        return Nd4j.zeros(DataType.FLOAT, rows, cols);
    }

    /** Rows {@code [t*b, (t+1)*b)}: step t of a [T*B, .] matrix, as a view. */
    public static INDArray step(INDArray stacked, int t, int b) {
        return stacked.get(NDArrayIndex.interval((long) t * b, (long) (t + 1) * b), NDArrayIndex.all());
    }

    /** Rows {@code [from, to)} as a view. */
    public static INDArray rows(INDArray m, long from, long to) {
        return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /**
     * {@code c = op(a) op(b) + beta c} where op transposes when asked; beta is 0 or 1.
     * Returns c.
     */
    public static INDArray gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta) {
        INDArray product = (transA ? a.transpose() : a).mmul(transB ? b.transpose() : b);
        if (beta == 0.0) {
            c.assign(product);
        } else {
            c.addi(product);
        }
        return c;
    }

    /** {@code op(a) op(b)} as a new matrix. */
    public static INDArray mmul(INDArray a, boolean transA, INDArray b, boolean transB) {
        return (transA ? a.transpose() : a).mmul(transB ? b.transpose() : b);
    }

    /** The entries in c (row-major) order, copied only when the layout requires it. */
    public static float[] toFloats(INDArray a) {
        INDArray c = (a.ordering() == 'c' && !a.isView() && a.data().length() == a.length()) ? a : a.dup('c');
        return c.data().asFloat();
    }

    /** A float32 matrix from row-major values. */
    public static INDArray matrix(float[] values, long rows, long cols) {
        return Nd4j.create(values, new long[] {rows, cols}, DataType.FLOAT);
    }

    /** Frobenius norm in double. */
    public static double norm(INDArray a) {
        return a.norm2Number().doubleValue();
    }

    /** Sum of squares in double. */
    public static double sumSquares(INDArray a) {
        double n = norm(a);
        return n * n;
    }

    /** {@code 1 - z^2}, the derivative of tanh given its output z, as a new array. */
    public static INDArray tanhDerivativeFromOutput(INDArray z) {
        return z.mul(z).rsubi(1.0);
    }
}
