package org.lrasweep.kernel.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every SIMD kernel gives the scalar kernel's bits, on shapes with and without a tail, on row
 * views, interpreted and once C2 has compiled the vector loops: the contract that makes results
 * independent of the JVM's flags and warm-up.
 */
class VectorOpsTest {
    private static final int[][] SHAPES = {{1, 1}, {3, 5}, {8, 16}, {20, 100}, {7, 13}, {2, 33}};
    private static final int COMPILED = 15_000;

    /** One kernel applied to inputs x, y, z (row views) writing dst, in its scalar or SIMD form. */
    private interface Kernel {
        void run(boolean simd, Matrix x, Matrix y, Matrix z, Matrix dst);
    }

    @BeforeAll
    static void vectorModuleIsThere() {
        assertTrue(Ops.simd(), "tests run with --add-modules jdk.incubator.vector");
    }

    private static void check(String name, Kernel kernel) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int[] shape : SHAPES) {
            Matrix[] in = new Matrix[3];
            for (int k = 0; k < 3; k++) {
                Matrix parent = Matrix.zeros(shape[0] + 1, shape[1]);
                for (int i = 0; i < parent.size(); i++) {
                    parent.set(i, (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-6, 2))));
                }
                // A diverged state must stay visible; the sign of zero must survive.
                parent.set(1 + random.nextInt(parent.size() - 1), Float.NaN);
                parent.set(parent.size() - 1, -0f);
                in[k] = parent.rows(1, shape[0] + 1);
            }
            Matrix scalar = Matrix.zeros(shape[0], shape[1]).fill(0.5f);
            Matrix simd = Matrix.zeros(shape[0], shape[1]).fill(0.5f);
            kernel.run(false, in[0], in[1], in[2], scalar);
            kernel.run(true, in[0], in[1], in[2], simd);
            String where = name + " on " + shape[0] + "x" + shape[1];
            assertArrayEquals(bits(scalar), bits(simd), where);
            // Kernels that accumulate into dst start again from the same state each round.
            Matrix start = simd.copy();
            for (int i = 0; i < COMPILED; i++) {
                simd.assign(start);
                kernel.run(true, in[0], in[1], in[2], simd);
            }
            scalar.assign(start);
            kernel.run(false, in[0], in[1], in[2], scalar);
            assertArrayEquals(bits(scalar), bits(simd), where + ", compiled");
        }
    }

    private static int[] bits(Matrix m) {
        float[] v = m.toArray();
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }

    @Test
    void tanhFamily() {
        check("tanh", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.tanh(x, d);
            } else {
                ScalarOps.tanh(x, d, 0);
            }
        });
        check("tanhOfSum", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.tanhOfSum(x, y, d);
            } else {
                ScalarOps.tanhOfSum(x, y, d, 0);
            }
        });
        check("tanhWithDerivative", (simd, x, y, z, d) -> {
            // z's parent row is not part of the view, so z serves as the second output here.
            if (simd) {
                VectorOps.tanhWithDerivative(x, d, z);
            } else {
                ScalarOps.tanhWithDerivative(x, d, z, 0);
            }
            Ops.axpy(1f, z, d);
        });
        check("tanhDerivativeFromOutput", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.tanhDerivativeFromOutput(x, d);
            } else {
                ScalarOps.tanhDerivativeFromOutput(x, d, 0);
            }
        });
        check("throughTanh", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.throughTanh(x, y, d);
            } else {
                ScalarOps.throughTanh(x, y, d, 0);
            }
        });
    }

    @Test
    void products() {
        check("multiply", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.multiply(x, y, d);
            } else {
                ScalarOps.multiply(x, y, d, 0);
            }
        });
        check("multiply3", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.multiply(x, y, z, d);
            } else {
                ScalarOps.multiply(x, y, z, d, 0);
            }
        });
        check("addScaled", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.addScaled(x, -0.37f, y, d);
            } else {
                ScalarOps.addScaled(x, -0.37f, y, d, 0);
            }
        });
        check("scale", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.scale(d, 1.7f);
            } else {
                ScalarOps.scale(d, 1.7f, 0);
            }
        });
        check("scaleRows", (simd, x, y, z, d) -> {
            float[] factors = new float[x.rows];
            for (int r = 0; r < factors.length; r++) {
                factors[r] = y.get(r % y.size());
            }
            if (simd) {
                VectorOps.scaleRows(x, factors, d);
            } else {
                ScalarOps.scaleRows(x, factors, d, 0);
            }
        });
        check("addRowVector", (simd, x, y, z, d) -> {
            Matrix row = x.rows(0, 1);
            if (simd) {
                VectorOps.addRowVector(d, row);
            } else {
                ScalarOps.addRowVector(d, row, 0);
            }
        });
    }

    @Test
    void scatterAddRows() {
        check("scatterAddRows", (simd, x, y, z, d) -> {
            int[] index = new int[x.rows + 2];
            for (int r = 0; r < index.length; r++) {
                index[r] = (r * 7 + 3) % d.rows;
            }
            if (simd) {
                VectorOps.scatterAddRows(index, 2, x, -0.3f, d);
            } else {
                ScalarOps.scatterAddRows(index, 2, x, -0.3f, d, 0);
            }
        });
    }

    @Test
    void lossGradients() {
        check("scaledDifference", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.scaledDifference(x, y, 0.01f, d);
            } else {
                ScalarOps.scaledDifference(x, y, 0.01f, d, 0);
            }
        });
        check("logPenaltyGradient", (simd, x, y, z, d) -> {
            if (simd) {
                VectorOps.logPenaltyGradient(x, y, 0.01f, d);
            } else {
                ScalarOps.logPenaltyGradient(x, y, 0.01f, d, 0);
            }
        });
    }

    @Test
    void reductions() {
        check("columnSums", (simd, x, y, z, d) -> {
            Matrix sums = d.rows(0, 1);
            if (simd) {
                VectorOps.columnSums(x, sums);
            } else {
                ScalarOps.columnSums(x, sums, 0);
            }
        });
        check("sumSquares", (simd, x, y, z, d) -> {
            double s = simd ? VectorOps.sumSquares(x) : ScalarOps.sumSquares(x);
            d.set(0, (float) s);
            d.set(d.size() - 1, (float) (s - (float) s));
        });
    }

    @Test
    void sumSquaresIsTheBlockedSumItDocuments() {
        Matrix m = Matrix.zeros(1, 19);
        double[] lane = new double[8];
        for (int i = 0; i < 19; i++) {
            m.set(i, 0.1f * (i + 1));
            double v = m.get(i);
            if (i < 16) {
                lane[i % 8] += v * v;
            }
        }
        double expected = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
        for (int i = 16; i < 19; i++) {
            double v = m.get(i);
            expected += v * v;
        }
        assertEquals(expected, Ops.sumSquares(m));
        assertEquals(expected, ScalarOps.sumSquares(m));
    }
}
