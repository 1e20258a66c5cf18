package org.lrasweep.kernel.linalg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD forms of {@link ScalarOps} on the Vector API (module {@code jdk.incubator.vector}), eight
 * float lanes at a time. Each lane performs exactly the IEEE operations of the scalar form, in
 * the same order, and tails shorter than a vector run the scalar form itself, so the results are
 * the same bits (VectorOpsTest checks every kernel, interpreted and compiled). Loaded only when
 * {@link Ops#simd()} is true.
 */
final class VectorOps {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_512;
    private static final int LANES = FLOATS.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final FloatVector ONE = FloatVector.broadcast(FLOATS, 1f);

    static {
        if (LANES != ScalarOps.SUM_LANES) {
            throw new AssertionError("sum of squares lanes");
        }
    }

    private VectorOps() {
    }

    private static int bound(Matrix m) {
        return m.size() - m.size() % LANES;
    }

    private static FloatVector load(Matrix m, int i) {
        return FloatVector.fromByteBuffer(FLOATS, m.bytes(), 4 * (m.offset() + i), ORDER);
    }

    private static void store(FloatVector v, Matrix m, int i) {
        v.intoByteBuffer(m.bytes(), 4 * (m.offset() + i), ORDER);
    }

    /** {@link Tanh}'s formula on eight lanes in double. */
    private static FloatVector tanh(FloatVector v) {
        DoubleVector x = (DoubleVector) v.convertShape(VectorOperators.F2D, DOUBLES, 0);
        DoubleVector y = x.max(-Tanh.CLAMP).min(Tanh.CLAMP).mul(Tanh.SCALE);
        double[] c = Tanh.COEFFICIENTS;
        DoubleVector p = DoubleVector.broadcast(DOUBLES, c[0]);
        for (int k = 1; k < c.length; k++) {
            p = p.fma(y, DoubleVector.broadcast(DOUBLES, c[k]));
        }
        DoubleVector m = y.mul(p);
        for (int k = 0; k < Tanh.DOUBLINGS; k++) {
            m = m.mul(m.add(2.0));
        }
        return (FloatVector) m.neg().div(m.add(2.0)).convertShape(VectorOperators.D2F, FLOATS, 0);
    }

    static void tanh(Matrix src, Matrix dst) {
        int bound = bound(src);
        for (int i = 0; i < bound; i += LANES) {
            store(tanh(load(src, i)), dst, i);
        }
        ScalarOps.tanh(src, dst, bound);
    }

    static void tanhWithDerivative(Matrix h, Matrix z, Matrix d) {
        int bound = bound(h);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector v = tanh(load(h, i));
            store(v, z, i);
            store(ONE.sub(v.mul(v)), d, i);
        }
        ScalarOps.tanhWithDerivative(h, z, d, bound);
    }

    static void tanhOfSum(Matrix a, Matrix b, Matrix dst) {
        int bound = bound(a);
        for (int i = 0; i < bound; i += LANES) {
            store(tanh(load(a, i).add(load(b, i))), dst, i);
        }
        ScalarOps.tanhOfSum(a, b, dst, bound);
    }

    static void tanhDerivativeFromOutput(Matrix z, Matrix dst) {
        int bound = bound(z);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector v = load(z, i);
            store(ONE.sub(v.mul(v)), dst, i);
        }
        ScalarOps.tanhDerivativeFromOutput(z, dst, bound);
    }

    static void multiply(Matrix a, Matrix b, Matrix dst) {
        int bound = bound(a);
        for (int i = 0; i < bound; i += LANES) {
            store(load(a, i).mul(load(b, i)), dst, i);
        }
        ScalarOps.multiply(a, b, dst, bound);
    }

    static void scaleRows(Matrix m, float[] factors, Matrix dst) {
        int cols = m.cols;
        int bound = cols - cols % LANES;
        for (int r = 0; r < m.rows; r++) {
            int base = r * cols;
            float f = factors[r];
            for (int c = 0; c < bound; c += LANES) {
                store(load(m, base + c).mul(f), dst, base + c);
            }
        }
        ScalarOps.scaleRows(m, factors, dst, bound);
    }

    static void multiply(Matrix a, Matrix b, Matrix c, Matrix dst) {
        int bound = bound(a);
        for (int i = 0; i < bound; i += LANES) {
            store(load(a, i).mul(load(b, i)).mul(load(c, i)), dst, i);
        }
        ScalarOps.multiply(a, b, c, dst, bound);
    }

    static void throughTanh(Matrix a, Matrix z, Matrix dst) {
        int bound = bound(a);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector v = load(z, i);
            store(load(a, i).mul(ONE.sub(v.mul(v))), dst, i);
        }
        ScalarOps.throughTanh(a, z, dst, bound);
    }

    static void addScaled(Matrix a, float alpha, Matrix b, Matrix dst) {
        int bound = bound(a);
        for (int i = 0; i < bound; i += LANES) {
            store(load(a, i).add(load(b, i).mul(alpha)), dst, i);
        }
        ScalarOps.addScaled(a, alpha, b, dst, bound);
    }

    static void scale(Matrix x, float factor) {
        int bound = bound(x);
        for (int i = 0; i < bound; i += LANES) {
            store(load(x, i).mul(factor), x, i);
        }
        ScalarOps.scale(x, factor, bound);
    }

    static void scaledDifference(Matrix a, Matrix b, float scale, Matrix dst) {
        int bound = bound(a);
        for (int i = 0; i < bound; i += LANES) {
            store(load(a, i).sub(load(b, i)).mul(scale), dst, i);
        }
        ScalarOps.scaledDifference(a, b, scale, dst, bound);
    }

    static void logPenaltyGradient(Matrix a, Matrix b, float scale, Matrix dst) {
        int bound = bound(a);
        for (int i = 0; i < bound; i += LANES) {
            FloatVector d = load(a, i).sub(load(b, i));
            store(d.mul(scale).div(d.mul(d).add(1f)), dst, i);
        }
        ScalarOps.logPenaltyGradient(a, b, scale, dst, bound);
    }

    static void addRowVector(Matrix m, Matrix v) {
        int cols = m.cols;
        int bound = cols - cols % LANES;
        for (int r = 0; r < m.rows; r++) {
            int base = r * cols;
            for (int c = 0; c < bound; c += LANES) {
                store(load(m, base + c).add(load(v, c)), m, base + c);
            }
        }
        ScalarOps.addRowVector(m, v, bound);
    }

    static void columnSums(Matrix m, Matrix dst) {
        int cols = m.cols;
        int bound = cols - cols % LANES;
        for (int r = 0; r < m.rows; r++) {
            int base = r * cols;
            for (int c = 0; c < bound; c += LANES) {
                store(load(dst, c).add(load(m, base + c)), dst, c);
            }
        }
        // Every column still adds its rows in order: the tail columns just come after.
        ScalarOps.columnSums(m, dst, bound);
    }

    static void scatterAddRows(int[] index, int from, Matrix rows, float alpha, Matrix dst) {
        int cols = rows.cols;
        int bound = cols - cols % LANES;
        for (int r = 0; r < rows.rows; r++) {
            int target = index[from + r] * cols;
            int source = r * cols;
            for (int c = 0; c < bound; c += LANES) {
                store(load(dst, target + c).add(load(rows, source + c).mul(alpha)), dst, target + c);
            }
        }
        ScalarOps.scatterAddRows(index, from, rows, alpha, dst, bound);
    }

    static double sumSquares(Matrix m) {
        int bound = bound(m);
        DoubleVector acc = DoubleVector.zero(DOUBLES);
        for (int i = 0; i < bound; i += LANES) {
            DoubleVector v = (DoubleVector) load(m, i).convertShape(VectorOperators.F2D, DOUBLES, 0);
            // v * v is exact in double, so the fused form rounds exactly as the scalar sum does.
            acc = v.fma(v, acc);
        }
        double[] lane = acc.toArray();
        return ScalarOps.addSquares(m, bound, ScalarOps.combine(lane[0], lane[1], lane[2], lane[3], lane[4], lane[5], lane[6],
                lane[7]));
    }
}
