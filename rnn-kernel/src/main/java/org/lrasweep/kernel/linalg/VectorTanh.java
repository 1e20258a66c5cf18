package org.lrasweep.kernel.linalg;

import java.nio.FloatBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * tanh over a block of floats with the JDK's Vector API ({@code jdk.incubator.vector}), whose TANH
 * lane operation HotSpot compiles to SIMD code (Intel SVML on x86): within 1 ulp of the correctly
 * rounded float32 tanh (checked in the tests) and 13 to 25 times faster than the scalar form at
 * the kernel's sizes. Only loaded when the module is present ({@link Ops#vectorized()}).
 */
final class VectorTanh {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[4096]);

    private VectorTanh() {
    }

    /** dst[dOff + i] = tanh(src[sOff + i]) for i < n; the buffers may be the same block. */
    static void apply(FloatBuffer src, int sOff, FloatBuffer dst, int dOff, int n) {
        float[] a = SCRATCH.get();
        if (a.length < n) {
            a = new float[Integer.highestOneBit(n) * 2];
            SCRATCH.set(a);
        }
        src.get(sOff, a, 0, n);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, a, i).lanewise(VectorOperators.TANH).intoArray(a, i);
        }
        for (; i < n; i++) {
            a[i] = Ops.scalarTanh(a[i]);
        }
        dst.put(dOff, a, 0, n);
    }
}
