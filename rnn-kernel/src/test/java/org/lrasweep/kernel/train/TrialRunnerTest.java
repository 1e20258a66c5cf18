package org.lrasweep.kernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.kernel.task.Tasks;

class TrialRunnerTest {
    static TrialConfig small(Algorithm algorithm, BpttSettings bptt, LraSettings lra, int maxIterations, int patience, double solvedError) {
        return new TrialConfig("temporal-order", 10, 3, algorithm, 16, 8, 200, 10, patience, maxIterations, solvedError, bptt, lra);
    }

    static LraSettings lra(String variant, double alpha) {
        return LraSettings.from(ParamValues.defaults().with(TrialParameters.LRA_VARIANT, variant)
                .with(TrialParameters.LRA_ALPHA, alpha));
    }

    /** The defaults with the named LRA setting parsed from a string, as a spec would give it. */
    static LraSettings lraWith(Param<?> param, String value) {
        return LraSettings.from(ParamValues.defaults().withParsed(param, value));
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
    void aTrialThatLearnsTheTaskEndsSolvedAtItsFirstPerfectCheck() {
        // BPTT learns temporal order at T = 10 on 16 units within a few hundred iterations; "solved" means
        // no mistake on the 200 test sequences (error below 1e-4), so the status is read off the curve.
        TrialResult r = TrialRunner.run(small(Algorithm.BPTT, new BpttSettings(0.1, 1, 0), null, 4000, 30, 1e-4));
        assertEquals(TrialStatus.SOLVED, r.status());
        List<CurvePoint> curve = r.curve();
        CurvePoint last = curve.get(curve.size() - 1);
        assertEquals(1.0, last.testAccuracy());
        assertEquals(last.iteration(), r.solvedAt());
        assertEquals(r.solvedAt(), r.iterations());
        assertTrue(curve.subList(0, curve.size() - 1).stream().allMatch(p -> p.testAccuracy() < 1.0), curve.toString());
        assertTrue(curve.get(0).testAccuracy() < 0.9, "the first check is not yet solved: " + curve.get(0));
        assertEquals(1.0, r.bestAccuracy());
        assertEquals(1.0, r.finalAccuracy());
    }

    @Test
    void theBestCheckIsTheFirstWithTheHighestAccuracyAndACollapseIsBestHighFinalAtChance() {
        TrialConfig c = small(Algorithm.BPTT, new BpttSettings(0.1, 1, 0), null, 40, 30, 1e-4);
        List<CurvePoint> curve = List.of(new CurvePoint(10, 1, Double.NaN, 1, 0.40), new CurvePoint(20, 1, Double.NaN, 1, 0.95),
                new CurvePoint(30, 1, Double.NaN, 1, 0.95), new CurvePoint(40, 1, Double.NaN, 1, 0.30));
        TrialResult lost = new TrialResult(c, TrialStatus.MAX_ITERATIONS, 40, -1, 0.95, 0.30, 1, 1, 0, curve, List.of());
        assertEquals(20, lost.bestIteration());
        assertTrue(lost.collapsed(), "0.95 at best, 0.30 at the end: within 0.1 of temporal order's chance 0.25");
        assertEquals(-1, new TrialResult(c, TrialStatus.DIVERGED, 3, -1, Double.NaN, Double.NaN, Double.NaN, 1, 0, List.of(),
                List.of()).bestIteration());
        assertTrue(TrialResult.collapsed(0.9, 0.35, 0.25));
        assertTrue(!TrialResult.collapsed(0.89, 0.25, 0.25), "never learned it");
        assertTrue(!TrialResult.collapsed(0.99, 0.36, 0.25), "kept more than chance");
        assertTrue(!TrialResult.collapsed(0.99, Double.NaN, 0.25));
        assertEquals(0.25, Tasks.byName("temporal-order").chanceAccuracy());
        assertEquals(0.125, Tasks.byName("temporal-order-3bit").chanceAccuracy());
        assertEquals(0.5, Tasks.byName("random-permutation").chanceAccuracy());
        assertTrue(Double.isNaN(Tasks.byName("adding").chanceAccuracy()));
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
        assertMessage("lra.k = 0: must be >= 1", () -> lraWith(TrialParameters.LRA_K, "0"));
        assertMessage("lra.k: expected an integer, got 2.5 (not a whole number)", () -> lraWith(TrialParameters.LRA_K, "2.5"));
        assertMessage("lra.beta = 0.0: must be > 0", () -> lraWith(TrialParameters.LRA_BETA, "0"));
        assertMessage("lra.c = -1.0: must be >= 0", () -> lraWith(TrialParameters.LRA_C, "-1"));
        assertMessage("lra.alpha = -0.1", () -> lraWith(TrialParameters.LRA_ALPHA, "-0.1"));
        assertMessage("lra.variant = paper: unknown (known: released, local)", () -> lraWith(TrialParameters.LRA_VARIANT, "paper"));
        assertMessage("lra.normalize = norm: unknown (known: clip, force, off)", () -> lraWith(TrialParameters.LRA_NORMALIZE, "norm"));
        assertMessage("lra.local-loss = l1", () -> lraWith(TrialParameters.LRA_LOCAL_LOSS, "l1"));
        assertMessage("lra.learning-rate = -1.0", () -> lraWith(TrialParameters.LRA_LEARNING_RATE, "-1"));
        assertMessage("lra.beta: expected a number, got 'ten'", () -> lraWith(TrialParameters.LRA_BETA, "ten"));
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
