package org.lrasweep.kernel.linalg;

import java.nio.FloatBuffer;

/**
 * Fused element-wise kernels on {@link Matrix}: one pass over memory each, no allocation.
 * Outputs may alias inputs of the same shape.
 */
public final class Ops {
    private Ops() {
    }

    private static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("lrasweep.scalar");

    /**
     * Whether the hottest loops run on the Vector API: true when the JVM was started with
     * {@code --add-modules jdk.incubator.vector} (Spark's launchers, {@code submit/kernel} and the
     * tests do) and the system property {@code lrasweep.scalar} is not set. Results are the same
     * bits either way; only speed differs.
     */
    public static boolean simd() {
        return SIMD;
    }

    /** The kernel's float32 tanh of one value (see {@link Tanh}): correctly rounded in practice, deterministic. */
    public static float scalarTanh(float x) {
        return Tanh.of(x);
    }

    /** dst = tanh(src), element by element with {@link #scalarTanh}. */
    public static void tanh(Matrix src, Matrix dst) {
        src.requireSameShape(dst);
        if (SIMD) {
            VectorOps.tanh(src, dst);
        } else {
            ScalarOps.tanh(src, dst, 0);
        }
    }

    /** z = tanh(h) and d = 1 - z^2 (tanh'), in one pass. */
    public static void tanhWithDerivative(Matrix h, Matrix z, Matrix d) {
        h.requireSameShape(z);
        h.requireSameShape(d);
        if (SIMD) {
            VectorOps.tanhWithDerivative(h, z, d);
        } else {
            ScalarOps.tanhWithDerivative(h, z, d, 0);
        }
    }

    /** dst = tanh(a + b): a pre-activation's two parts summed and squashed in one pass. */
    public static void tanhOfSum(Matrix a, Matrix b, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(dst);
        if (SIMD) {
            VectorOps.tanhOfSum(a, b, dst);
        } else {
            ScalarOps.tanhOfSum(a, b, dst, 0);
        }
    }

    /** dst = 1 - z^2: tanh' given tanh's output z. */
    public static void tanhDerivativeFromOutput(Matrix z, Matrix dst) {
        z.requireSameShape(dst);
        if (SIMD) {
            VectorOps.tanhDerivativeFromOutput(z, dst);
        } else {
            ScalarOps.tanhDerivativeFromOutput(z, dst, 0);
        }
    }

    /** dst = a * b element-wise. */
    public static void multiply(Matrix a, Matrix b, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(dst);
        if (SIMD) {
            VectorOps.multiply(a, b, dst);
        } else {
            ScalarOps.multiply(a, b, dst, 0);
        }
    }

    /** dst[r][c] = m[r][c] * factors[r]: each row scaled by its own factor. */
    public static void scaleRows(Matrix m, float[] factors, Matrix dst) {
        m.requireSameShape(dst);
        if (factors.length != m.rows) {
            throw new IllegalArgumentException(factors.length + " row factors for " + m.rows + " rows");
        }
        if (SIMD) {
            VectorOps.scaleRows(m, factors, dst);
        } else {
            ScalarOps.scaleRows(m, factors, dst, 0);
        }
    }

    /** out[r] = the sum of row r, accumulated in double from left to right. */
    public static void rowSums(Matrix m, double[] out) {
        if (out.length != m.rows) {
            throw new IllegalArgumentException(out.length + " sums for " + m.rows + " rows");
        }
        FloatBuffer s = m.buffer();
        for (int r = 0; r < m.rows; r++) {
            int base = m.offset() + r * m.cols;
            double sum = 0;
            for (int c = 0; c < m.cols; c++) {
                sum += s.get(base + c);
            }
            out[r] = sum;
        }
    }

    /** dst = a * b * c element-wise. */
    public static void multiply(Matrix a, Matrix b, Matrix c, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(c);
        a.requireSameShape(dst);
        if (SIMD) {
            VectorOps.multiply(a, b, c, dst);
        } else {
            ScalarOps.multiply(a, b, c, dst, 0);
        }
    }

    /** dst = a * (1 - z^2): a signal through tanh, given tanh's output z. */
    public static void throughTanh(Matrix a, Matrix z, Matrix dst) {
        a.requireSameShape(z);
        a.requireSameShape(dst);
        if (SIMD) {
            VectorOps.throughTanh(a, z, dst);
        } else {
            ScalarOps.throughTanh(a, z, dst, 0);
        }
    }

    /** y += alpha x. */
    public static void axpy(float alpha, Matrix x, Matrix y) {
        addScaled(y, alpha, x, y);
    }

    /** dst = a + alpha b. */
    public static void addScaled(Matrix a, float alpha, Matrix b, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(dst);
        if (SIMD) {
            VectorOps.addScaled(a, alpha, b, dst);
        } else {
            ScalarOps.addScaled(a, alpha, b, dst, 0);
        }
    }

    /** x *= factor. */
    public static void scale(Matrix x, float factor) {
        if (SIMD) {
            VectorOps.scale(x, factor);
        } else {
            ScalarOps.scale(x, factor, 0);
        }
    }

    /** dst = scale (a - b): the mean squared error's gradient with scale 2 / size. */
    public static void scaledDifference(Matrix a, Matrix b, float scale, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(dst);
        if (SIMD) {
            VectorOps.scaledDifference(a, b, scale, dst);
        } else {
            ScalarOps.scaledDifference(a, b, scale, dst, 0);
        }
    }

    /** dst = scale d / (1 + d^2) with d = a - b: the log penalty's gradient with scale 2 / size. */
    public static void logPenaltyGradient(Matrix a, Matrix b, float scale, Matrix dst) {
        a.requireSameShape(b);
        a.requireSameShape(dst);
        if (SIMD) {
            VectorOps.logPenaltyGradient(a, b, scale, dst);
        } else {
            ScalarOps.logPenaltyGradient(a, b, scale, dst, 0);
        }
    }

    /**
     * Sum of squares, accumulated in double as eight partial sums (entry i into sum i mod 8) added
     * in a fixed order, then the tail: the same bits with or without SIMD.
     */
    public static double sumSquares(Matrix m) {
        return SIMD ? VectorOps.sumSquares(m) : ScalarOps.sumSquares(m);
    }

    /** Adds the row vector v [1, cols] to every row of m. */
    public static void addRowVector(Matrix m, Matrix v) {
        if (v.size() != m.cols) {
            throw new IllegalArgumentException("row vector of " + v.size() + " for " + m.cols + " columns");
        }
        if (SIMD) {
            VectorOps.addRowVector(m, v);
        } else {
            ScalarOps.addRowVector(m, v, 0);
        }
    }

    /** dst [1, cols] = (accumulate ? dst : 0) + the column sums of m, row after row. */
    public static void columnSums(Matrix m, Matrix dst, boolean accumulate) {
        if (dst.size() != m.cols) {
            throw new IllegalArgumentException("column sums of " + m.cols + " into " + dst.size());
        }
        if (!accumulate) {
            dst.fill(0f);
        }
        if (SIMD) {
            VectorOps.columnSums(m, dst);
        } else {
            ScalarOps.columnSums(m, dst, 0);
        }
    }

    /**
     * {@code dst[index[from + r]] += alpha rows[r]} for every row r of rows: a one-hot input's
     * transpose times rows, summed row after row.
     */
    public static void scatterAddRows(int[] index, int from, Matrix rows, float alpha, Matrix dst) {
        if (from < 0 || from + rows.rows > index.length || dst.cols != rows.cols) {
            throw new IllegalArgumentException("scatter of " + rows.rows + " rows from " + from + " of " + index.length
                    + " indices into " + dst.rows + "x" + dst.cols);
        }
        for (int r = 0; r < rows.rows; r++) {
            if (index[from + r] < 0 || index[from + r] >= dst.rows) {
                throw new IndexOutOfBoundsException("row " + index[from + r] + " of " + dst.rows);
            }
        }
        if (SIMD) {
            VectorOps.scatterAddRows(index, from, rows, alpha, dst);
        } else {
            ScalarOps.scatterAddRows(index, from, rows, alpha, dst, 0);
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
            d.put(dO + r * cols, s, so + index[from + r] * cols, cols);
        }
    }
}
