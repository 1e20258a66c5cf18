package org.lrasweep.sweep.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against published values and the binomial distribution written out, not against the implementations. */
class McNemarExactTest {
    @Test
    void pairedIntervalMatchesNewcombesExamples() {
        // Newcombe (1998), Stat. Med. 17:2635-2650, the worked examples (a)-(m), method 10 limits as
        // tabulated in the paper (cells e, f, g, h = both succeed, first only, second only, neither).
        // Transcribed via a secondary source; examples (b), (c), (e), (f) and (k) have ad > bc and so
        // also pin the continuity correction of phi's numerator (without it (b) would give 0.0618, 0.3242).
        int[][] tables = {
            {36, 12, 2, 0}, {20, 12, 2, 16}, {18, 12, 2, 18}, {36, 14, 0, 0}, {35, 14, 0, 1}, {18, 14, 0, 18},
            {2, 97, 1, 0}, {1, 97, 1, 1}, {0, 29, 1, 0}, {2, 98, 0, 0}, {1, 98, 0, 1}, {0, 30, 0, 0}, {54, 0, 0, 0},
        };
        double[][] limits = {
            {0.0569, 0.3404}, {0.0562, 0.3292}, {0.0562, 0.3290}, {0.1528, 0.4167}, {0.1461, 0.4175}, {0.1441, 0.3963},
            {0.8721, 0.9854}, {0.8736, 0.9850}, {0.6666, 0.9882}, {0.9178, 0.9945}, {0.9171, 0.9916}, {0.8395, 1.0},
            {-0.0664, 0.0664},
        };
        for (int i = 0; i < tables.length; i++) {
            int[] t = tables[i];
            // 1.5e-4: the paper's (h) lower limit 0.8736 is 0.87365 before rounding.
            assertArrayEquals(limits[i], NewcombePairedDifferenceInterval.of(t[0], t[1], t[2], t[3]), 1.5e-4, "example " + i);
        }
    }

    @Test
    void pairedIntervalMatchesFagerlandsCavoExample() {
        // Fagerland, Lydersen and Laake, Statistical Analysis of Contingency Tables (2017), ch. 8, and
        // their R package contingencytables: complete response before/after consolidation (Cavo et al.
        // 2012), [[59, 6], [16, 80]], Newcombe square-and-add: -0.0621 (95% CI -0.1186 to -0.0046).
        McNemarExact.Result r = McNemarExact.test(59, 6, 16, 80);
        assertEquals(-0.0621, r.difference(), 5e-5);
        assertEquals(-0.1186, r.lower(), 5e-5);
        assertEquals(-0.0046, r.upper(), 5e-5);
        // Exact conditional McNemar on 6 vs 16: 2 P(Bin(22, 1/2) <= 6) = 2 (C(22,0) + ... + C(22,6))/2^22
        // = 2 * 110056/4194304 = 0.052479.
        assertEquals(0.052478790283203125, r.pValue(), 1e-12);
        assertEquals(6, r.b());
        assertEquals(16, r.c());
        assertEquals(161, r.n());
    }

    @Test
    void exactPValueIsTheBinomialTail() {
        // Bentur et al. airway data (b = 1, c = 7; Fagerland, Lydersen and Laake 2017, ch. 8):
        // exact p = 2 (C(8,0) + C(8,1))/2^8 = 18/256 = 0.0703.
        assertEquals(18.0 / 256, McNemarExact.pValue(1, 7), 1e-15);
        assertEquals(18.0 / 256, McNemarExact.pValue(7, 1), 1e-15);
        // b = 2, c = 8: 2 (C(10,0) + C(10,1) + C(10,2))/2^10 = 112/1024.
        assertEquals(112.0 / 1024, McNemarExact.pValue(2, 8), 1e-15);
        // Balanced and empty discordance: p = 1.
        assertEquals(1.0, McNemarExact.pValue(5, 5), 1e-15);
        assertEquals(1.0, McNemarExact.pValue(0, 0));
        // All discordant pairs one way: 2/2^n.
        assertEquals(2.0 / 64, McNemarExact.pValue(6, 0), 1e-15);
        // Where Commons 1.1's two-sided BinomialTest loses the mirror-image tail to rounding (R's
        // binom.test(3, 13) gives 0.09229 and binom.test(2, 3) gives 1): 2 (1 + 13 + 78 + 286)/2^13, and 1.
        assertEquals(2.0 * (1 + 13 + 78 + 286) / 8192, McNemarExact.pValue(3, 10), 1e-15);
        assertEquals(1.0, McNemarExact.pValue(2, 1), 1e-15);
        assertEquals(1.0, McNemarExact.pValue(10, 11), 1e-15);
        // Against the binomial tail summed term by term for every b + c <= 40.
        for (int m = 1; m <= 40; m++) {
            for (int b = 0; b <= m; b++) {
                double tail = 0;
                double binomial = 1;
                for (int i = 0; i <= Math.min(b, m - b); i++) {
                    tail += binomial;
                    binomial = binomial * (m - i) / (i + 1);
                }
                assertEquals(Math.min(1, 2 * tail / Math.pow(2, m)), McNemarExact.pValue(b, m - b), 1e-12, b + " of " + m);
            }
        }
    }

    @Test
    void countsPairedOutcomes() {
        boolean[] first = {true, true, true, false, false, true, false};
        boolean[] second = {true, false, false, true, false, true, false};
        // a = 2 (both), b = 2 (first only), c = 1 (second only), d = 2 (neither).
        McNemarExact.Result r = McNemarExact.test(first, second);
        assertEquals(2, r.b());
        assertEquals(1, r.c());
        assertEquals(7, r.n());
        assertEquals(1.0 / 7, r.difference(), 1e-15);
        assertEquals(1.0, r.pValue(), 1e-15);
        assertArrayEquals(NewcombePairedDifferenceInterval.of(2, 2, 1, 2), new double[] {r.lower(), r.upper()}, 0);
        assertTrue(r.lower() < r.difference() && r.difference() < r.upper());
        // No discordant pairs: p = 1, difference 0.
        McNemarExact.Result none = McNemarExact.test(3, 0, 0, 4);
        assertEquals(1.0, none.pValue());
        assertEquals(0.0, none.difference());
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> McNemarExact.test(new boolean[] {true}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class, () -> McNemarExact.test(new boolean[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> McNemarExact.test(0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> McNemarExact.test(1, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> McNemarExact.pValue(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> NewcombePairedDifferenceInterval.of(0, 0, 0, 0));
    }
}
