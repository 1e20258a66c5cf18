package org.lrasweep.kernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrialRunnerTest {
    static TrialConfig small(Algorithm algorithm, BpttSettings bptt, LraSettings lra, int maxIterations, int patience, double solvedError) {
        return new TrialConfig("temporal-order", 10, 3, algorithm, 16, 8, 200, 10, patience, maxIterations, solvedError, bptt, lra);
    }

    static LraSettings lra(String variant, double alpha) {
        return LraSettings.fromNames(variant, 0.1, 10, 10, 1, "clip", alpha, "log-penalty");
    }

    @Test
    void aTrialDependsOnlyOnItsConfig() {
        for (TrialConfig c : new TrialConfig[] {
                small(Algorithm.BPTT, new BpttSettings(0.1, 1, 0.5), null, 60, 30, 1e-4),
                small(Algorithm.LRA, null, lra("released", 0.1), 30, 30, 1e-4),
                small(Algorithm.LRA, null, lra("local", 1), 30, 30, 1e-4)}) {
            TrialResult a = TrialRunner.run(c);
            TrialResult b = TrialRunner.run(c);
            assertEquals(a.curve(), b.curve());
            assertEquals(a.status(), b.status());
            assertEquals(a.diagnostics().size(), b.diagnostics().size());
            for (int i = 0; i < a.diagnostics().size(); i++) {
                assertEquals(java.util.Arrays.toString(a.diagnostics().get(i).steps().whhNorms()),
                        java.util.Arrays.toString(b.diagnostics().get(i).steps().whhNorms()));
            }
        }
    }

    @Test
    void theBudgetEndsATrialAsMaxIterations() {
        TrialResult r = TrialRunner.run(small(Algorithm.BPTT, new BpttSettings(0.01, 1, 0), null, 35, 30, 1e-4));
        assertEquals(TrialStatus.MAX_ITERATIONS, r.status());
        assertEquals(35, r.iterations());
        assertEquals(3, r.curve().size());
        assertEquals(-1, r.solvedAt());
        assertEquals(10, r.diagnostics().get(0).steps().whhNorms().length);
    }

    @Test
    void aLossThatOverflowsDiverges() {
        // The regression loss is unbounded: an unclipped huge step overflows it within a few iterations.
        TrialConfig c = new TrialConfig("adding", 10, 3, Algorithm.BPTT, 16, 8, 100, 10, 30, 100, 1e-4,
                new BpttSettings(1e30, 0, 0), null);
        TrialResult r = TrialRunner.run(c);
        assertEquals(TrialStatus.DIVERGED, r.status());
        assertTrue(r.iterations() < 10);
    }

    @Test
    void saturatedButFiniteIsNotDivergence() {
        // Cross-entropy stays finite when tanh saturates: the protocol keeps training, as the reference does.
        TrialResult r = TrialRunner.run(small(Algorithm.BPTT, new BpttSettings(1e30, 0, 0), null, 40, 30, 1e-4));
        assertEquals(TrialStatus.MAX_ITERATIONS, r.status());
    }

    @Test
    void noImprovementForPatienceChecksPlateaus() {
        TrialResult r = TrialRunner.run(small(Algorithm.BPTT, new BpttSettings(1e-12, 1, 0), null, 1000, 2, 1e-4));
        assertEquals(TrialStatus.PLATEAUED, r.status());
        assertEquals(30, r.iterations());
    }

    @Test
    void anErrorBelowTheThresholdSolves() {
        TrialResult r = TrialRunner.run(small(Algorithm.LRA, null, lra("local", 0), 1000, 30, 1.0));
        assertEquals(TrialStatus.SOLVED, r.status());
        assertEquals(10, r.solvedAt());
        assertEquals(r.bestAccuracy(), r.finalAccuracy());
    }

    @Test
    void releasedLeavesStepZeroAloneAndLocalUpdatesIt() {
        TrialResult released = TrialRunner.run(small(Algorithm.LRA, null, lra("released", 0), 10, 30, 1e-4));
        TrialResult local = TrialRunner.run(small(Algorithm.LRA, null, lra("local", 0), 10, 30, 1e-4));
        StepDiagnostics r = released.diagnostics().get(0).steps();
        StepDiagnostics l = local.diagnostics().get(0).steps();
        assertEquals(0.0, r.localLosses()[0]);
        assertEquals(0.0, r.wxhNorms()[0]);
        assertTrue(l.wxhNorms()[0] > 0);
        assertTrue(r.localLosses()[9] > 0 && l.localLosses()[9] > 0);
    }

    @Test
    void invalidSettingsNameTheirKey() {
        assertMessage("lra.k", () -> LraSettings.fromNames("local", 0.1, 10, 0, 1, "clip", 0, "mse"));
        assertMessage("lra.beta", () -> LraSettings.fromNames("local", 0.1, 0, 10, 1, "clip", 0, "mse"));
        assertMessage("lra.c", () -> LraSettings.fromNames("local", 0.1, 10, 10, -1, "clip", 0, "mse"));
        assertMessage("lra.alpha", () -> LraSettings.fromNames("local", 0.1, 10, 10, 1, "clip", -0.1, "mse"));
        assertMessage("lra.variant", () -> LraSettings.fromNames("paper", 0.1, 10, 10, 1, "clip", 0, "mse"));
        assertMessage("lra.normalize", () -> LraSettings.fromNames("local", 0.1, 10, 10, 1, "norm", 0, "mse"));
        assertMessage("lra.local-loss", () -> LraSettings.fromNames("local", 0.1, 10, 10, 1, "clip", 0, "l1"));
        assertMessage("lra.learning-rate", () -> LraSettings.fromNames("local", -1, 10, 10, 1, "clip", 0, "mse"));
        assertMessage("bptt.clip", () -> new BpttSettings(0.1, -1, 0));
        assertMessage("batch = 32", () -> new TrialConfig("temporal-order", 10, 1, Algorithm.LRA, 16, 32, 100, 10, 30, 100,
                1e-4, null, lra("released", 0)));
        assertMessage("length", () -> new TrialConfig("temporal-order", 9, 1, Algorithm.BPTT, 16, 8, 100, 10, 30, 100,
                1e-4, new BpttSettings(0.1, 1, 0), null));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(expected), ex.getMessage());
    }
}
