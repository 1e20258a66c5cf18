package org.lrasweep.kernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;

/** {@code lra.omega-guard}: on skips Omega's 0/0 and counts it; off lets it be NaN, as the authors' code does. */
class OmegaGuardTest {
    @Test
    void aZeroErrorSignalIsSkippedUnderTheGuardAndNaNWithout() {
        Matrix g = Matrix.zeros(2, 3);
        Matrix w = Matrix.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
        Matrix a = Matrix.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, 2, 3);
        Matrix dW = Matrix.zeros(3, 3);
        Matrix dA = Matrix.zeros(2, 3);
        assertFalse(new GradientFlowRegularizer(false, OmegaGuard.ON, 2, 3).derivatives(g, w, a, dW, dA));
        assertEquals(0.0, dW.sumSquares());
        assertTrue(new GradientFlowRegularizer(false, OmegaGuard.OFF, 2, 3).derivatives(g, w, a, dW, dA));
        for (int i = 0; i < 9; i++) {
            assertTrue(Float.isNaN(dW.get(i)));
        }
        for (int i = 0; i < 6; i++) {
            assertTrue(Float.isNaN(dA.get(i)));
        }
    }

    @Test
    void withoutTheGuardTheTrialDivergesWhereTheGuardFirstFires() {
        // Regularized released LRA on temporal order, H = 16: the guard first fires at iteration 1355.
        TrialResult guarded = TrialRunner.run(config("on"));
        assertEquals(TrialStatus.MAX_ITERATIONS, guarded.status());
        assertEquals(1355, guarded.omegaGuardFirst());
        assertTrue(guarded.omegaZeroEvents() > 0);
        TrialResult unguarded = TrialRunner.run(config("off"));
        assertEquals(TrialStatus.DIVERGED, unguarded.status());
        assertTrue(unguarded.iterations() == 1355 || unguarded.iterations() == 1356, "diverged at " + unguarded.iterations());
        assertEquals(0, unguarded.omegaZeroEvents());
        assertEquals(-1, unguarded.omegaGuardFirst());
        // The same trajectory up to there: the guard changes nothing until it fires.
        assertEquals(guarded.curve().subList(0, unguarded.curve().size()), unguarded.curve());
    }

    private static TrialConfig config(String guard) {
        LraSettings s = LraSettings.from(ParamValues.defaults().with(TrialParameters.LRA_VARIANT, "released")
                .with(TrialParameters.LRA_ALPHA, 1.0).with(TrialParameters.LRA_BETA, 10.0)
                .with(TrialParameters.LRA_OMEGA_GUARD, guard));
        return new TrialConfig("temporal-order", 10, 3, Algorithm.LRA, 16, 8, 200, 50, 1000, 1400, 1e-4, null, s);
    }
}
