package org.lrasweep.kernel.random;

/**
 * MT19937 with the semantics of numpy's legacy {@code numpy.random.RandomState(seed)} for the two
 * draws the task generators use, {@link #randint(int)} and {@link #uniform()}, so that a seed here
 * yields bit for bit the sequences the reference code sees (spec section 1).
 *
 * <p>Not thread-safe: one instance per trial stream.
 */
public final class NumpyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti;

    /**
     * Seeds the generator as {@code RandomState(seed)} does for an integer seed ({@code init_genrand}).
     *
     * @param seed in [0, 2^32 - 1]
     * @throws IllegalArgumentException if the seed is outside that range
     */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be in [0, 4294967295], got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    /** The generator's position, for a checkpoint: its 624 state words, then its index into them. */
    public int[] state() {
        int[] s = java.util.Arrays.copyOf(mt, N + 1);
        s[N] = mti;
        return s;
    }

    /**
     * Moves the generator to a position {@link #state()} returned, so that it draws exactly what
     * the saved generator would have drawn next.
     *
     * @throws IllegalArgumentException when the array is not such a position
     */
    public void restore(int[] state) {
        if (state.length != N + 1 || state[N] < 0 || state[N] > N) {
            throw new IllegalArgumentException("not an MT19937 position: " + state.length + " words, index "
                    + (state.length > N ? state[N] : -1));
        }
        System.arraycopy(state, 0, mt, 0, N);
        mti = state[N];
    }

    /** The next raw 32-bit word of MT19937 ({@code genrand_int32}), as an unsigned value in a long. */
    public long nextWord() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void twist() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        mti = 0;
    }

    /**
     * One value of {@code randint(n)}: uniform in [0, n-1] by masked rejection sampling on 32-bit
     * words, exactly as numpy's legacy bounded-integer path. {@code n == 1} consumes no word.
     *
     * @throws IllegalArgumentException if n < 1
     */
    public int randint(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("randint bound must be >= 1, got " + n);
        }
        long rng = n - 1L;
        if (rng == 0) {
            return 0;
        }
        long mask = rng;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextWord() & mask;
        } while (value > rng);
        return (int) value;
    }

    /** {@code randint(n, size=count)} filled in C order into a new array. */
    public int[] randint(int n, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = randint(n);
        }
        return out;
    }

    /** One value of {@code uniform()} in [0, 1): numpy's legacy 53-bit double from two words. */
    public double uniform() {
        long a = nextWord() >>> 5;
        long b = nextWord() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
