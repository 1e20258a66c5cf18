package org.lrasweep.kernel.linalg;

/**
 * The scalar forms of {@link Ops}' element-wise kernels: the definition of their results, which
 * {@link VectorOps} reproduces bit for bit, and what runs where the Vector API module is absent.
 * Each starts at entry {@code from} (row kernels: at column {@code fromColumn} of every row), so
 * that {@link VectorOps} hands its tails to the same code. Shapes are checked by {@link Ops}.
 */
final class ScalarOps {
    /** Lanes of the blocked sum of squares: partial sums i mod 8, so that SIMD can keep the order. */
    static final int SUM_LANES = 8;

    private ScalarOps() {
    }

    static void tanh(Matrix src, Matrix dst, int from) {
        for (int i = from, n = src.size(); i < n; i++) {
            dst.set(i, Tanh.of(src.get(i)));
        }
    }

    static void tanhWithDerivative(Matrix h, Matrix z, Matrix d, int from) {
        for (int i = from, n = h.size(); i < n; i++) {
            float v = Tanh.of(h.get(i));
            z.set(i, v);
            d.set(i, 1f - v * v);
        }
    }

    static void tanhOfSum(Matrix a, Matrix b, Matrix dst, int from) {
        for (int i = from, n = a.size(); i < n; i++) {
            dst.set(i, Tanh.of(a.get(i) + b.get(i)));
        }
    }

    static void tanhDerivativeFromOutput(Matrix z, Matrix dst, int from) {
        for (int i = from, n = z.size(); i < n; i++) {
            float v = z.get(i);
            dst.set(i, 1f - v * v);
        }
    }

    static void multiply(Matrix a, Matrix b, Matrix dst, int from) {
        for (int i = from, n = a.size(); i < n; i++) {
            dst.set(i, a.get(i) * b.get(i));
        }
    }

    static void scaleRows(Matrix m, float[] factors, Matrix dst, int fromColumn) {
        for (int r = 0; r < m.rows; r++) {
            int base = r * m.cols;
            for (int c = fromColumn; c < m.cols; c++) {
                dst.set(base + c, m.get(base + c) * factors[r]);
            }
        }
    }

    static void multiply(Matrix a, Matrix b, Matrix c, Matrix dst, int from) {
        for (int i = from, n = a.size(); i < n; i++) {
            dst.set(i, a.get(i) * b.get(i) * c.get(i));
        }
    }

    static void throughTanh(Matrix a, Matrix z, Matrix dst, int from) {
        for (int i = from, n = a.size(); i < n; i++) {
            float v = z.get(i);
            dst.set(i, a.get(i) * (1f - v * v));
        }
    }

    static void addScaled(Matrix a, float alpha, Matrix b, Matrix dst, int from) {
        for (int i = from, n = a.size(); i < n; i++) {
            dst.set(i, a.get(i) + alpha * b.get(i));
        }
    }

    static void scale(Matrix x, float factor, int from) {
        for (int i = from, n = x.size(); i < n; i++) {
            x.set(i, x.get(i) * factor);
        }
    }

    static void scaledDifference(Matrix a, Matrix b, float scale, Matrix dst, int from) {
        for (int i = from, n = a.size(); i < n; i++) {
            dst.set(i, scale * (a.get(i) - b.get(i)));
        }
    }

    static void logPenaltyGradient(Matrix a, Matrix b, float scale, Matrix dst, int from) {
        for (int i = from, n = a.size(); i < n; i++) {
            float d = a.get(i) - b.get(i);
            dst.set(i, scale * d / (1f + d * d));
        }
    }

    static void addRowVector(Matrix m, Matrix v, int fromColumn) {
        for (int r = 0; r < m.rows; r++) {
            int base = r * m.cols;
            for (int c = fromColumn; c < m.cols; c++) {
                m.set(base + c, m.get(base + c) + v.get(c));
            }
        }
    }

    static void columnSums(Matrix m, Matrix dst, int fromColumn) {
        for (int r = 0; r < m.rows; r++) {
            int base = r * m.cols;
            for (int c = fromColumn; c < m.cols; c++) {
                dst.set(c, dst.get(c) + m.get(base + c));
            }
        }
    }

    static void scatterAddRows(int[] index, int from, Matrix rows, float alpha, Matrix dst, int fromColumn) {
        int cols = rows.cols;
        for (int r = 0; r < rows.rows; r++) {
            int target = index[from + r] * cols;
            int source = r * cols;
            for (int c = fromColumn; c < cols; c++) {
                dst.set(target + c, dst.get(target + c) + alpha * rows.get(source + c));
            }
        }
    }

    static double sumSquares(Matrix m) {
        int n = m.size();
        int bound = n - n % SUM_LANES;
        double[] lane = new double[SUM_LANES];
        for (int i = 0; i < bound; i += SUM_LANES) {
            for (int j = 0; j < SUM_LANES; j++) {
                double v = m.get(i + j);
                lane[j] += v * v;
            }
        }
        return addSquares(m, bound, combine(lane[0], lane[1], lane[2], lane[3], lane[4], lane[5], lane[6], lane[7]));
    }

    /** sum plus the squares of entries from..size-1, added one by one: the sum of squares' tail. */
    static double addSquares(Matrix m, int from, double sum) {
        for (int i = from, n = m.size(); i < n; i++) {
            double v = m.get(i);
            sum += v * v;
        }
        return sum;
    }

    /** The fixed pairwise order in which both forms add their eight partial sums. */
    static double combine(double l0, double l1, double l2, double l3, double l4, double l5, double l6, double l7) {
        return ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7));
    }
}
