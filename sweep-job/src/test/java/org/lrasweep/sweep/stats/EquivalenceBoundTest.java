package org.lrasweep.sweep.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** By definition: max(|lo|, |hi|), and a phrase that rounds up. */
class EquivalenceBoundTest {
    @Test
    void boundIsTheLargerAbsoluteLimit() {
        assertEquals(0.2449, EquivalenceBound.of(-0.1, 0.2449), 0);
        assertEquals(0.3, EquivalenceBound.of(-0.3, 0.1), 0);
        // An interval away from zero still bounds the difference by its far limit.
        assertEquals(0.2, EquivalenceBound.of(0.05, 0.2), 0);
        assertEquals(0.4, EquivalenceBound.of(-0.4, -0.1), 0);
        assertEquals(0.0, EquivalenceBound.of(0, 0), 0);
        assertEquals(0.3, EquivalenceBound.of(new double[] {-0.3, 0.1}), 0);
    }

    @Test
    void phraseRoundsUpSoItStaysTrue() {
        assertEquals("differences beyond \u00b10.25 excluded", EquivalenceBound.phrase(-0.1, 0.2449, 2));
        assertEquals("differences beyond \u00b10.25 excluded", EquivalenceBound.phrase(new double[] {-0.25, 0.1}));
        assertEquals("differences beyond \u00b10.30 excluded", EquivalenceBound.phrase(-0.30000000000000004, 0.1, 2));
        assertEquals("differences beyond \u00b10.10 excluded", EquivalenceBound.phrase(-0.1, 0.1, 2));
        assertEquals("differences beyond \u00b10.246 excluded", EquivalenceBound.phrase(-0.1, 0.2451, 3));
        assertEquals("differences beyond \u00b11 excluded", EquivalenceBound.phrase(-0.2, 0.4, 0));
        // Newcombe's (1998) example 56/70 against 48/80: [0.0524, 0.3339] rules out differences beyond 0.34.
        assertEquals("differences beyond \u00b10.34 excluded", EquivalenceBound.phrase(NewcombeDifferenceInterval.of(56, 70, 48, 80)));
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> EquivalenceBound.of(0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> EquivalenceBound.of(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> EquivalenceBound.of(-0.1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> EquivalenceBound.of(new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> EquivalenceBound.phrase(-0.1, 0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> EquivalenceBound.phrase(new double[] {0.1, 0.2, 0.3}));
    }
}
