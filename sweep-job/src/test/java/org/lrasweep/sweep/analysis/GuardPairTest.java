package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;

/** The guard both ways: pairing a guard-off configuration with its guarded twin seed by seed, on hand-made outcomes. */
class GuardPairTest {
    private static final ParamValues GUARDED = ParamValues.defaults().with(TrialParameters.ALGORITHM, "lra")
            .with(TrialParameters.LRA_ALPHA, 1.0).with(TrialParameters.LRA_BETA, 1.0);
    private static final ParamValues OFF = GUARDED.with(TrialParameters.LRA_OMEGA_GUARD, "off");

    @Test
    void eachSeedMeetsItsTwinAndTheCountsSayWhatTheGuardChanged() {
        // Seed 1: the guard fired at 1,200 and the unguarded run ended in NaN there. Seed 2: fired at 300, NaN at 350.
        // Seed 3: never fired; both solved alike. Seed 4: never fired, yet the unguarded run diverged. Seed 5: guard-off only.
        ConfigurationSummary on = summary(GUARDED, new Outcomes(new long[] {1, 2, 3, 4}, new boolean[] {false, true, true, false},
                new long[] {12, 0, 0, 40}, new long[] {12, 0, 0, 40}, new int[] {9000, 4000, 2500, 7000},
                new String[] {"plateaued", "solved", "solved", "plateaued"}, new int[] {1200, 300, -1, -1}, new long[] {5, 2, 0, 0}, 10_000,
                100_000));
        ConfigurationSummary off = summary(OFF, new Outcomes(new long[] {1, 2, 3, 4, 5}, new boolean[] {false, false, true, false, true},
                new long[] {4980, 30, 0, 40, 0}, new long[] {4980, 30, 0, 40, 0}, new int[] {1200, 350, 2500, 6100, 800},
                new String[] {"diverged", "diverged", "solved", "diverged", "solved"}, new int[] {1200, 300, -1, -1, -1},
                new long[] {1, 1, 0, 0, 0}, 10_000, 100_000));
        // A guard-off configuration with no guarded twin (another beta) and an alpha = 0 configuration pair with nothing.
        ConfigurationSummary lonely = summary(OFF.with(TrialParameters.LRA_BETA, 10.0), off.outcomes());
        ConfigurationSummary plain = summary(GUARDED.with(TrialParameters.LRA_ALPHA, 0.0), on.outcomes());

        List<GuardPair> pairs = GuardPair.of(List.of(plain, off, lonely, on));
        assertEquals(1, pairs.size());
        GuardPair p = pairs.get(0);
        assertEquals(on, p.guarded());
        assertEquals(off, p.guardOff());
        assertEquals(List.of(1L, 2L, 3L, 4L), p.seeds().stream().map(GuardPair.Seed::seed).toList(), "only the seeds both ran");
        assertEquals(2, p.fired());
        assertEquals(2, p.firedAndDiverged());
        assertEquals(1, p.divergedWithoutGuard());
        assertEquals(1, p.agreeWithoutGuard());
        assertArrayEquals(new int[] {0, 50}, p.divergenceDelays());
        GuardPair.Seed four = p.seeds().get(3);
        assertEquals("plateaued", four.guardedStatus());
        assertEquals(6100, four.offStoppedAt());
    }

    private static ConfigurationSummary summary(ParamValues values, Outcomes o) {
        int solved = 0;
        for (boolean b : o.solved()) {
            solved += b ? 1 : 0;
        }
        return new ConfigurationSummary(Configuration.of(values), o.size(), solved, 0, 0, 0, 0, (double) solved / o.size(), 0, 1,
                Double.NaN, Double.NaN, Double.NaN, 0.9, 0.5, 0, 0, o);
    }
}
