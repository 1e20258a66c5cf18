package org.lrasweep.kernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.model.OrthogonalInit;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.kernel.random.NumpyRandomState;
import org.lrasweep.kernel.task.Batch;
import org.lrasweep.kernel.task.Tasks;

class LraMomentumTest {
    private static LraSettings settings(double momentum) {
        return LraSettings.from(ParamValues.defaults().with(TrialParameters.LRA_VARIANT, "local")
                .with(TrialParameters.LRA_MOMENTUM, momentum));
    }

    @Test
    void theSecondStepAddsMuTimesTheFirstUpdate() {
        NumpyRandomState stream = new NumpyRandomState(5);
        Batch b1 = Tasks.byName("temporal-order").generate(stream, 8, 10);
        Batch b2 = Tasks.byName("temporal-order").generate(stream, 8, 10);
        Weights w0 = OrthogonalInit.forSeed(5, 6, 16, 4);
        Weights plain = w0.copy();
        Weights heavy = w0.copy();
        Trainer sgd = LraTrainers.create(settings(0));
        Trainer momentum = LraTrainers.create(settings(0.5));
        sgd.step(plain, b1, false);
        momentum.step(heavy, b1, false);
        assertEquals(plain.whh.get(3), heavy.whh.get(3), 0.0, "the first step is plain SGD (v = update)");
        Weights w1 = plain.copy();
        sgd.step(plain, b2, false);
        momentum.step(heavy, b2, false);
        // Both second updates are taken at w1 on b2; momentum adds mu v1 = mu (w0 - w1) / eta, times eta.
        for (int i = 0; i < w0.whh.size(); i++) {
            double expected = plain.whh.get(i) - 0.5 * (w0.whh.get(i) - w1.whh.get(i));
            assertEquals(expected, heavy.whh.get(i), 1e-6);
        }
        assertNotEquals(plain.whh.get(3), heavy.whh.get(3));
    }

    @Test
    void momentumOutsideItsRangeIsRejectedWithItsKey() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> settings(1.0));
        assertEquals("lra.momentum = 1.0: must be in [0, 1)", e.getMessage());
    }
}
