package org.lrasweep.kernel.linalg;

import java.nio.FloatBuffer;

/**
 * Fused element-wise kernels on {@link Matrix}: one pass over memory each, no allocation.
 * Outputs may alias inputs of the same shape.
 */
public final class Ops {
    private Ops() {
    }

    /**
     * tanh in double from {@code exp(-2|x|)}, rounded to float: the correctly rounded float32 tanh
     * in practice (0 ulp from {@code (float) Math.tanh(x)} over [-10, 10] in steps of 1e-5) and 3
     * times faster than {@link Math#tanh}. Deterministic: the same bits in every JIT tier. Rejected
     * alternatives (see README, "How the kernel is fast"): Eigen's rational approximation (7 ulp off,
     * halving the tightest LRA fixture's margin) and the Vector API's TANH (SVML once C2 compiles
     * the loop, Math.tanh before: results would depend on JIT warm-up).
     */
    public static float scalarTanh(float x) {
        double e = Math.exp(-2.0 * Math.abs((double) x));
        double t = (1.0 - e) / (1.0 + e);
        return (float) (x < 0 ? -t : t);
    }

    /** dst = tanh(src), element by element with {@link #scalarTanh}. */
    public static void tanh(Matrix src, Matrix dst) {
        src.requireSameShape(dst);
        FloatBuffer s = src.buffer();
        FloatBuffer d = dst.buffer();
        int so = src.offset();
        int dO = dst.offset();
        for (int i = 0, n = src.size(); i < n; i++) {
            d.put(dO + i, scalarTanh(s.get(so + i)));
        }
    }

    /** dst = 1 - z^2: tanh' given tanh's output z. */
    public static void tanhDerivativeFromOutput(Matrix z, Matrix dst) {
        z.requireSameShape(dst);
        FloatBuffer s = z.buffer();
        FloatBuffer d = dst.buffer();
        int so = z.offset();
        int dO = dst.offset();
        for (int i = 0, n = z.size(); i < n; i++) {
            float v = s.get(so + i);
            d.put(dO + i, 1f - v * v);
        }
    }

    /** dst = a * b element-wise. */
    public static void multiply(Matrix a, Matrix b, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(dst);
        FloatBuffer x = a.buffer();
        FloatBuffer y = b.buffer();
        FloatBuffer d = dst.buffer();
        int xo = a.offset();
        int yo = b.offset();
        int dO = dst.offset();
        for (int i = 0, n = a.size(); i < n; i++) {
            d.put(dO + i, x.get(xo + i) * y.get(yo + i));
        }
    }

    /** dst = a * b * c element-wise. */
    public static void multiply(Matrix a, Matrix b, Matrix c, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(c);
        a.requireSameShape(dst);
        FloatBuffer x = a.buffer();
        FloatBuffer y = b.buffer();
        FloatBuffer z = c.buffer();
        FloatBuffer d = dst.buffer();
        int xo = a.offset();
        int yo = b.offset();
        int zo = c.offset();
        int dO = dst.offset();
        for (int i = 0, n = a.size(); i < n; i++) {
            d.put(dO + i, x.get(xo + i) * y.get(yo + i) * z.get(zo + i));
        }
    }

    /** dst = a * (1 - z^2): a signal through tanh, given tanh's output z. */
    public static void throughTanh(Matrix a, Matrix z, Matrix dst) {
        a.requireSameShape(z);
        a.requireSameShape(dst);
        FloatBuffer x = a.buffer();
        FloatBuffer y = z.buffer();
        FloatBuffer d = dst.buffer();
        int xo = a.offset();
        int yo = z.offset();
        int dO = dst.offset();
        for (int i = 0, n = a.size(); i < n; i++) {
            float v = y.get(yo + i);
            d.put(dO + i, x.get(xo + i) * (1f - v * v));
        }
    }

    /** y += alpha x. */
    public static void axpy(float alpha, Matrix x, Matrix y) {
        x.requireSameShape(y);
        FloatBuffer s = x.buffer();
        FloatBuffer d = y.buffer();
        int so = x.offset();
        int dO = y.offset();
        for (int i = 0, n = x.size(); i < n; i++) {
            d.put(dO + i, d.get(dO + i) + alpha * s.get(so + i));
        }
    }

    /** dst = a + alpha b. */
    public static void addScaled(Matrix a, float alpha, Matrix b, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(dst);
        FloatBuffer x = a.buffer();
        FloatBuffer y = b.buffer();
        FloatBuffer d = dst.buffer();
        int xo = a.offset();
        int yo = b.offset();
        int dO = dst.offset();
        for (int i = 0, n = a.size(); i < n; i++) {
            d.put(dO + i, x.get(xo + i) + alpha * y.get(yo + i));
        }
    }

    /** x *= factor. */
    public static void scale(Matrix x, float factor) {
        FloatBuffer d = x.buffer();
        int o = x.offset();
        for (int i = 0, n = x.size(); i < n; i++) {
            d.put(o + i, d.get(o + i) * factor);
        }
    }

    /** Adds the row vector v [1, cols] to every row of m. */
    public static void addRowVector(Matrix m, Matrix v) {
        if (v.size() != m.cols) {
            throw new IllegalArgumentException("row vector of " + v.size() + " for " + m.cols + " columns");
        }
        FloatBuffer d = m.buffer();
        FloatBuffer s = v.buffer();
        int o = m.offset();
        int vo = v.offset();
        for (int r = 0; r < m.rows; r++) {
            int base = o + r * m.cols;
            for (int c = 0; c < m.cols; c++) {
                d.put(base + c, d.get(base + c) + s.get(vo + c));
            }
        }
    }

    /** dst [1, cols] = (accumulate ? dst : 0) + the column sums of m. */
    public static void columnSums(Matrix m, Matrix dst, boolean accumulate) {
        if (dst.size() != m.cols) {
            throw new IllegalArgumentException("column sums of " + m.cols + " into " + dst.size());
        }
        FloatBuffer s = m.buffer();
        FloatBuffer d = dst.buffer();
        int o = m.offset();
        int dO = dst.offset();
        if (!accumulate) {
            dst.fill(0f);
        }
        for (int r = 0; r < m.rows; r++) {
            int base = o + r * m.cols;
            for (int c = 0; c < m.cols; c++) {
                d.put(dO + c, d.get(dO + c) + s.get(base + c));
            }
        }
    }

    /**
     * Copies rows {@code table[index[from + r]]} into row r of dst, for every row of dst: a one-hot
     * input times the table.
     */
    public static void gatherRows(Matrix table, int[] index, int from, Matrix dst) {
        if (from < 0 || from + dst.rows > index.length || dst.cols != table.cols) {
            throw new IllegalArgumentException("gather of " + dst.rows + " rows from " + from + " of " + index.length
                    + " indices into " + dst.rows + "x" + dst.cols);
        }
        FloatBuffer s = table.buffer();
        FloatBuffer d = dst.buffer();
        int so = table.offset();
        int dO = dst.offset();
        int cols = table.cols;
        for (int r = 0; r < dst.rows; r++) {
            int source = so + index[from + r] * cols;
            int target = dO + r * cols;
            for (int c = 0; c < cols; c++) {
                d.put(target + c, s.get(source + c));
            }
        }
    }
}
