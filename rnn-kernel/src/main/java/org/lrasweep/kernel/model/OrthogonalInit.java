package org.lrasweep.kernel.model;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.random.NumpyRandomState;

/**
 * Deterministic orthogonal initialisation from a trial's seed (spec section 2).
 *
 * <p>The generator is the project's own and is part of the reproducibility contract: an MT19937
 * stream seeded with {@code seed XOR 0x6C726177} (so it never coincides with the task stream of the
 * same seed), standard normals by the Box-Muller transform on {@link NumpyRandomState#uniform()}
 * pairs (both values used), and for each matrix in the order Wxh, Whh, Why a Gaussian matrix
 * drawn row by row, orthonormalised in double precision by modified Gram-Schmidt (run twice for
 * stability) along its shorter side, which is the QR factor Q with a positive-diagonal R, as in
 * Saxe et al. (2014). Biases are zero.
 */
public final class OrthogonalInit {
    private static final long STREAM_SALT = 0x6C726177L;

    private OrthogonalInit() {
    }

    /** Weights for an RNN of the given sizes; identical for every algorithm run with this seed. */
    public static Weights forSeed(long seed, int inputSize, int hiddenSize, int outputSize) {
        NumpyRandomState rng = new NumpyRandomState((seed ^ STREAM_SALT) & 0xFFFFFFFFL);
        Gaussian gaussian = new Gaussian(rng);
        return new Weights(
                orthogonal(gaussian, inputSize, hiddenSize),
                orthogonal(gaussian, hiddenSize, hiddenSize),
                orthogonal(gaussian, hiddenSize, outputSize),
                Matrix.zeros(1, hiddenSize),
                Matrix.zeros(1, outputSize));
    }

    /** A rows x cols matrix with orthonormal rows (rows <= cols) or columns (rows > cols). */
    static Matrix orthogonal(Gaussian gaussian, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = gaussian.next();
            }
        }
        boolean byRows = rows <= cols;
        double[][] v = byRows ? a : transpose(a);
        gramSchmidt(v);
        gramSchmidt(v);
        double[][] q = byRows ? v : transpose(v);
        float[] out = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = (float) q[i][j];
            }
        }
        return Matrix.of(out, rows, cols);
    }

    /** Orthonormalises the rows of v in place, in order. */
    private static void gramSchmidt(double[][] v) {
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < v[i].length; j++) {
                    dot += v[i][j] * v[k][j];
                }
                for (int j = 0; j < v[i].length; j++) {
                    v[i][j] -= dot * v[k][j];
                }
            }
            double norm = 0;
            for (double x : v[i]) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < v[i].length; j++) {
                v[i][j] /= norm;
            }
        }
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Standard normals by Box-Muller on pairs of uniforms, both outputs used. */
    static final class Gaussian {
        private final NumpyRandomState rng;
        private double spare;
        private boolean hasSpare;

        Gaussian(NumpyRandomState rng) {
            this.rng = rng;
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = 1.0 - rng.uniform(); // in (0, 1]: log is finite
            double u2 = rng.uniform();
            // StrictMath: Math.log/sin/cos may differ between JVMs and CPUs, and the initial weights must not.
            double r = Math.sqrt(-2.0 * StrictMath.log(u1));
            spare = r * StrictMath.sin(2 * Math.PI * u2);
            hasSpare = true;
            return r * StrictMath.cos(2 * Math.PI * u2);
        }
    }
}
