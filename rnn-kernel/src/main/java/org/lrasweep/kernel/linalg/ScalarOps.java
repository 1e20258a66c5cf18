package org.lrasweep.kernel.linalg;

import java.nio.FloatBuffer;

/**
 * The scalar forms of {@link Ops}' element-wise kernels: the definition of their results, which
 * {@link VectorOps} reproduces bit for bit. Shapes are checked by {@link Ops}.
 */
final class ScalarOps {
    /** Lanes of the blocked sum of squares: partial sums i mod 8, so that SIMD can keep the order. */
    static final int SUM_LANES = 8;

    private ScalarOps() {
    }

    static void tanh(Matrix src, Matrix dst) {
        FloatBuffer s = src.buffer();
        FloatBuffer d = dst.buffer();
        int so = src.offset();
        int dO = dst.offset();
        for (int i = 0, n = src.size(); i < n; i++) {
            d.put(dO + i, Tanh.of(s.get(so + i)));
        }
    }

    static void tanhWithDerivative(Matrix h, Matrix z, Matrix d) {
        for (int i = 0, n = h.size(); i < n; i++) {
            float v = Tanh.of(h.get(i));
            z.set(i, v);
            d.set(i, 1f - v * v);
        }
    }

    static void tanhOfSum(Matrix a, Matrix b, Matrix dst) {
        FloatBuffer x = a.buffer();
        FloatBuffer y = b.buffer();
        FloatBuffer d = dst.buffer();
        int xo = a.offset();
        int yo = b.offset();
        int dO = dst.offset();
        for (int i = 0, n = a.size(); i < n; i++) {
            d.put(dO + i, Tanh.of(x.get(xo + i) + y.get(yo + i)));
        }
    }

    static void tanhDerivativeFromOutput(Matrix z, Matrix dst) {
        FloatBuffer s = z.buffer();
        FloatBuffer d = dst.buffer();
        int so = z.offset();
        int dO = dst.offset();
        for (int i = 0, n = z.size(); i < n; i++) {
            float v = s.get(so + i);
            d.put(dO + i, 1f - v * v);
        }
    }

    static void multiply(Matrix a, Matrix b, Matrix dst) {
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

    static void scaleRows(Matrix m, float[] factors, Matrix dst) {
        for (int r = 0; r < m.rows; r++) {
            int base = r * m.cols;
            for (int c = 0; c < m.cols; c++) {
                dst.set(base + c, m.get(base + c) * factors[r]);
            }
        }
    }

    static void multiply(Matrix a, Matrix b, Matrix c, Matrix dst) {
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

    static void throughTanh(Matrix a, Matrix z, Matrix dst) {
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

    static void addScaled(Matrix a, float alpha, Matrix b, Matrix dst) {
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

    static void scale(Matrix x, float factor) {
        FloatBuffer d = x.buffer();
        int o = x.offset();
        for (int i = 0, n = x.size(); i < n; i++) {
            d.put(o + i, d.get(o + i) * factor);
        }
    }

    static void scaledDifference(Matrix a, Matrix b, float scale, Matrix dst) {
        FloatBuffer x = a.buffer();
        FloatBuffer y = b.buffer();
        FloatBuffer d = dst.buffer();
        int xo = a.offset();
        int yo = b.offset();
        int dO = dst.offset();
        for (int i = 0, n = a.size(); i < n; i++) {
            d.put(dO + i, scale * (x.get(xo + i) - y.get(yo + i)));
        }
    }

    static void logPenaltyGradient(Matrix a, Matrix b, float scale, Matrix dst) {
        FloatBuffer x = a.buffer();
        FloatBuffer y = b.buffer();
        FloatBuffer d = dst.buffer();
        int xo = a.offset();
        int yo = b.offset();
        int dO = dst.offset();
        for (int i = 0, n = a.size(); i < n; i++) {
            float diff = x.get(xo + i) - y.get(yo + i);
            d.put(dO + i, scale * diff / (1f + diff * diff));
        }
    }

    static void addRowVector(Matrix m, Matrix v) {
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

    static void columnSums(Matrix m, Matrix dst) {
        FloatBuffer s = m.buffer();
        FloatBuffer d = dst.buffer();
        int o = m.offset();
        int dO = dst.offset();
        for (int r = 0; r < m.rows; r++) {
            int base = o + r * m.cols;
            for (int c = 0; c < m.cols; c++) {
                d.put(dO + c, d.get(dO + c) + s.get(base + c));
            }
        }
    }

    static void scatterAddRows(int[] index, int from, Matrix rows, float alpha, Matrix dst) {
        int cols = rows.cols;
        for (int r = 0; r < rows.rows; r++) {
            int target = index[from + r] * cols;
            int source = r * cols;
            for (int c = 0; c < cols; c++) {
                dst.set(target + c, dst.get(target + c) + alpha * rows.get(source + c));
            }
        }
    }

    static double sumSquares(Matrix m) {
        FloatBuffer s = m.buffer();
        int o = m.offset();
        int n = m.size();
        int bound = n - n % SUM_LANES;
        double[] lane = new double[SUM_LANES];
        for (int i = 0; i < bound; i += SUM_LANES) {
            for (int j = 0; j < SUM_LANES; j++) {
                double v = s.get(o + i + j);
                lane[j] += v * v;
            }
        }
        double sum = combine(lane[0], lane[1], lane[2], lane[3], lane[4], lane[5], lane[6], lane[7]);
        for (int i = bound; i < n; i++) {
            double v = s.get(o + i);
            sum += v * v;
        }
        return sum;
    }

    /** The fixed pairwise order in which both forms add their eight partial sums. */
    static double combine(double l0, double l1, double l2, double l3, double l4, double l5, double l6, double l7) {
        return ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
    }
}
