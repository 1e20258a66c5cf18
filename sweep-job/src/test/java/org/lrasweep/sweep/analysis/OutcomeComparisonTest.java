package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Seed-level comparisons: paired on the seeds both arms ran, against values computed here by hand. */
class OutcomeComparisonTest {
    private static Outcomes outcomes(long[] seeds, long[] mistakes) {
        int n = seeds.length;
        boolean[] solved = new boolean[n];
        String[] status = new String[n];
        for (int i = 0; i < n; i++) {
            solved[i] = mistakes[i] == 0;
            status[i] = solved[i] ? "solved" : "plateaued";
        }
        return new Outcomes(seeds, solved, mistakes, mistakes, new int[n], status, new int[n], new long[n], 10_000, 5_000);
    }

    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void theSameSeedsArePairedOnBothOutcomesAndAtEveryThreshold() {
        // a solves seeds 1-6, b none: discordant 6 against 0, so McNemar's p = 2 * 0.5^6.
        Outcomes a = outcomes(SEEDS, new long[] {0, 0, 0, 0, 0, 0, 3, 40});
        Outcomes b = outcomes(SEEDS, new long[] {1, 2, 4, 7, 11, 20, 300, 1200});
        OutcomeComparison c = OutcomeComparison.of(a, b, Outcomes.DEFAULT_THRESHOLDS);
        assertTrue(c.paired());
        assertEquals("mcnemar", c.binaryTest());
        assertEquals(2 * Math.pow(0.5, 6), c.pBinary(), 1e-12);
        // Signed-rank on log10(m + 1): eight differences, all negative (a fewer), their magnitudes
        // distinct: W+ = 0, the exact two-sided p = 2 / 2^8.
        assertEquals("wilcoxon", c.mistakesTest());
        assertEquals(2.0 / 256, c.pMistakes(), 1e-12);
        assertTrue(c.shift() < 0 && c.shiftHigh() < 0, c.shift() + " [" + c.shiftLow() + ", " + c.shiftHigh() + "]");
        // Fewer than 1, 10 and 100 mistakes: a 6, 7, 8 of 8; b 0, 4, 6.
        assertArrayEquals(new int[] {6, 7, 8}, c.reachedA());
        assertArrayEquals(new int[] {0, 4, 6}, c.reachedB());
        assertEquals(0.25, c.pThreshold()[1], 1e-12);  // three discordant pairs, all one way
        assertEquals(0.5, c.pThreshold()[2], 1e-12);   // two
        assertEquals(0.0, c.medianA(), 1e-12);
        assertEquals(9.0, c.medianB(), 1e-12);
    }

    @Test
    void armsWithExtraSeedsArePairedOnTheSeedsBothRan() {
        // a ran seeds 1-8 (more seeds added to it, as a rule like D2 does), b only 1-4. a solves 1-3
        // and 5-8, b solves seed 4 alone: on the four pairs, discordant 3 for a and 1 for b.
        Outcomes a = outcomes(SEEDS, new long[] {0, 0, 0, 7, 0, 0, 0, 0});
        Outcomes b = outcomes(new long[] {1, 2, 3, 4}, new long[] {5, 50, 500, 0});
        OutcomeComparison c = OutcomeComparison.of(a, b, Outcomes.DEFAULT_THRESHOLDS);
        assertTrue(c.paired());
        assertEquals(4, c.n());
        assertEquals("mcnemar", c.binaryTest());
        // The counts are a's on the paired seeds (3 of 4), not over all its 8 (7 of 8).
        assertEquals(3, c.solvedA());
        assertEquals(1, c.solvedB());
        assertEquals(2 * 0.5 * 0.5 * 0.5 * 0.5 * (1 + 4), c.pBinary(), 1e-12);  // two-sided binomial: 2 P(X <= 1), X ~ Bin(4, 1/2)
        // Fewer than 10 mistakes: a 4 of the 4 pairs (seed 4 had 7), b 2 (seeds 1 and 4).
        assertArrayEquals(new int[] {3, 4, 4}, c.reachedA());
        assertArrayEquals(new int[] {1, 2, 3}, c.reachedB());
        assertEquals("wilcoxon", c.mistakesTest());
        assertEquals(0.0, c.medianA(), 1e-12);
        assertEquals((5 + 50) / 2.0, c.medianB(), 1e-12);
    }

    @Test
    void otherSeedsAreComparedAsIndependentSamples() {
        long[] other = Arrays.stream(SEEDS).map(s -> s + 100).toArray();
        Outcomes a = outcomes(SEEDS, new long[] {0, 0, 0, 0, 1, 1, 1, 1});
        Outcomes b = outcomes(other, new long[] {5, 5, 5, 5, 6, 6, 6, 6});
        OutcomeComparison c = OutcomeComparison.of(a, b, Outcomes.DEFAULT_THRESHOLDS);
        assertFalse(c.paired());
        assertEquals("fisher", c.binaryTest());
        assertEquals("mann-whitney", c.mistakesTest());
        // Every a below every b: U = 0 (or 64); the shift is the median of the 64 differences of log10(m + 1).
        double[] d = new double[64];
        int k = 0;
        for (long x : a.bestMistakes()) {
            for (long y : b.bestMistakes()) {
                d[k++] = Math.log10(x + 1.0) - Math.log10(y + 1.0);
            }
        }
        Arrays.sort(d);
        assertEquals((d[31] + d[32]) / 2, c.shift(), 1e-12);
    }

    @Test
    void identicalArmsAreNoDifferenceAndSayWhatTheIntervalAllows() {
        Outcomes a = outcomes(SEEDS, new long[] {0, 0, 0, 0, 3, 3, 3, 3});
        OutcomeComparison c = OutcomeComparison.of(a, a, Outcomes.DEFAULT_THRESHOLDS).withHolm(1, 1, new double[] {1, 1, 1});
        assertEquals("none", c.mistakesTest());
        assertEquals(1.0, c.pMistakes());
        assertEquals(0.0, c.shift());
        assertEquals(1.0, c.pBinary());
        assertTrue(c.binaryEquivalence().startsWith("differences beyond ±"), c.binaryEquivalence());
    }
}
