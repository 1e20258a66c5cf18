package org.lrasweep.sweep.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the published 6-MP analysis and hand arithmetic, not against the implementation. */
class KaplanMeierTest {
    /**
     * The 6-MP arm of the leukaemia remission trial (Freireich et al., Blood 21:699-716, 1963;
     * Gehan 1965), remission times in weeks, censored ones marked false.
     */
    private static final double[] TIME = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    private static final boolean[] EVENT = {true, true, true, false, true, false, true, false, false, true, true, false, false, false,
        true, true, false, false, false, false, false};

    @Test
    void sixMpMatchesThePublishedTable() {
        // The product-limit table of the 6-MP arm (e.g. Klein and Moeschberger, Survival Analysis, 2nd ed.,
        // Table 4.1; Kleinbaum and Klein, Survival Analysis, ch. 2) and R's
        // summary(survfit(Surv(time, status) ~ 1, conf.type = "log-log")): time, n.risk, n.event,
        // survival, std.err (Greenwood), lower 95% CI, upper 95% CI, all to 3 decimals.
        double[][] published = {
            {6, 21, 3, 0.857, 0.0764, 0.620, 0.952},
            {7, 17, 1, 0.807, 0.0869, 0.563, 0.923},
            {10, 15, 1, 0.753, 0.0963, 0.503, 0.889},
            {13, 12, 1, 0.690, 0.1068, 0.432, 0.849},
            {16, 11, 1, 0.627, 0.1141, 0.368, 0.805},
            {22, 7, 1, 0.538, 0.1282, 0.268, 0.747},
            {23, 6, 1, 0.448, 0.1346, 0.188, 0.680},
        };
        // Censored in [t_j, t_{j+1}): 6+ | 9+ | 10+, 11+ | - | 17+, 19+, 20+ | - | 25+, 32+, 32+, 34+, 35+.
        int[] censored = {1, 1, 2, 0, 3, 0, 5};
        List<KaplanMeier.Step> steps = KaplanMeier.fit(TIME, EVENT).steps();
        assertEquals(published.length, steps.size());
        for (int j = 0; j < published.length; j++) {
            KaplanMeier.Step s = steps.get(j);
            double[] row = published[j];
            assertEquals(row[0], s.time());
            assertEquals((int) row[1], s.atRisk());
            assertEquals((int) row[2], s.events());
            assertEquals(censored[j], s.censored());
            assertEquals(row[3], s.survival(), 5e-4);
            assertEquals(row[4], s.standardError(), 5e-5);
            assertEquals(row[5], s.lower(), 5e-4);
            assertEquals(row[6], s.upper(), 5e-4);
        }
    }

    @Test
    void sixMpArithmeticByHand() {
        KaplanMeier km = KaplanMeier.fit(TIME, EVENT);
        List<KaplanMeier.Step> steps = km.steps();
        // t = 6: 21 at risk, 3 solve: S = 18/21; Greenwood S^2 * 3/(21*18).
        double s6 = 18.0 / 21;
        assertEquals(s6, steps.get(0).survival(), 1e-15);
        assertEquals(s6 * s6 * (3.0 / (21 * 18)), steps.get(0).variance(), 1e-15);
        // t = 7: 21 - 3 - 1 (the 6+) = 17 at risk, 1 solves: S = 18/21 * 16/17.
        double s7 = s6 * 16 / 17;
        assertEquals(s7, steps.get(1).survival(), 1e-15);
        assertEquals(s7 * s7 * (3.0 / (21 * 18) + 1.0 / (17 * 16)), steps.get(1).variance(), 1e-15);
        // t = 10: 17 - 1 - 1 (the 9+) = 15, 1 solves; the 10+ is still at risk at 10 (events first).
        assertEquals(s7 * 14 / 15, steps.get(2).survival(), 1e-15);
        assertEquals(1 - s7 * 14 / 15, steps.get(2).fractionSolved(), 1e-15);

        // The step function between and beyond the event times.
        assertEquals(1.0, km.survival(0), 0);
        assertEquals(1.0, km.survival(5.9), 0);
        assertEquals(s6, km.survival(6), 1e-15);
        assertEquals(s7 * 14 / 15, km.survival(12.5), 1e-15);
        assertEquals(steps.get(6).survival(), km.survival(100), 0);
        assertEquals(1 - steps.get(6).survival(), km.fractionSolved(100), 1e-15);
        assertArrayEquals(new double[] {1, 1}, km.band(3), 0);
        assertArrayEquals(new double[] {0.620, 0.952}, km.band(6.5), 5e-4);
        assertArrayEquals(new double[] {1 - 0.952, 1 - 0.620}, km.fractionSolvedBand(6.5), 5e-4);

        // Numbers at risk: trials with time >= t.
        assertArrayEquals(new int[] {21, 21, 17, 15, 13, 6, 0}, km.atRisk(new double[] {0, 6, 7, 10, 10.5, 23, 36}));
        assertEquals(21, km.size());
        assertEquals(0, km.censoredBeforeFirstEvent());
    }

    @Test
    void eventsPrecedeCensoringsAtATie() {
        // Times 2, 2+, 3: at t = 2 all three are at risk (the 2+ counts), S = 2/3; at t = 3 the one left solves.
        KaplanMeier km = KaplanMeier.fit(new double[] {2, 2, 3}, new boolean[] {true, false, true});
        List<KaplanMeier.Step> steps = km.steps();
        assertEquals(3, steps.get(0).atRisk());
        assertEquals(1, steps.get(0).censored());
        assertEquals(2.0 / 3, steps.get(0).survival(), 1e-15);
        // S reaches 0: Greenwood's last term 1/(1*0) is infinite; documented as variance 0, band [0, 0].
        KaplanMeier.Step last = steps.get(1);
        assertEquals(1, last.atRisk());
        assertEquals(0.0, last.survival());
        assertEquals(0.0, last.variance());
        assertEquals(0.0, last.lower());
        assertEquals(0.0, last.upper());
        assertEquals(1.0, km.fractionSolved(3));
    }

    @Test
    void allCensoredLeavesTheCurveAtOne() {
        KaplanMeier km = KaplanMeier.fit(new double[] {5, 7, 6}, new boolean[] {false, false, false});
        assertTrue(km.steps().isEmpty());
        assertEquals(3, km.censoredBeforeFirstEvent());
        assertEquals(1.0, km.survival(1e9));
        assertEquals(0.0, km.fractionSolved(1e9));
        assertArrayEquals(new double[] {1, 1}, km.band(6), 0);
        assertArrayEquals(new int[] {3, 2, 0}, km.atRisk(new double[] {5, 6, 7.5}));
    }

    @Test
    void allEventsGiveTheEmpiricalCurveAndBinomialVariance() {
        // Without censoring S is the empirical survival function and Greenwood's variance reduces to
        // the binomial S(1 - S)/n: 3/64, 1/16, 3/64 for n = 4.
        KaplanMeier km = KaplanMeier.fit(new double[] {4, 1, 3, 2}, new boolean[] {true, true, true, true});
        List<KaplanMeier.Step> steps = km.steps();
        double[] s = {0.75, 0.5, 0.25, 0};
        double[] variance = {3.0 / 64, 1.0 / 16, 3.0 / 64, 0};
        int[] atRisk = {4, 3, 2, 1};
        for (int j = 0; j < 4; j++) {
            assertEquals(j + 1.0, steps.get(j).time());
            assertEquals(atRisk[j], steps.get(j).atRisk());
            assertEquals(s[j], steps.get(j).survival(), 1e-15);
            assertEquals(variance[j], steps.get(j).variance(), 1e-15);
            assertTrue(steps.get(j).lower() <= s[j] && s[j] <= steps.get(j).upper());
            assertTrue(!Double.isNaN(steps.get(j).lower()) && !Double.isNaN(steps.get(j).upper()));
        }
        assertArrayEquals(new double[] {0, 0}, km.band(4), 0);
    }

    @Test
    void rejectsDegenerateInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}));
        assertTrue(e.getMessage().contains("differ in length"));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class,
            () -> KaplanMeier.fit(new double[] {Double.POSITIVE_INFINITY}, new boolean[] {false}));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.fit(TIME, EVENT).survival(Double.NaN));
    }
}
