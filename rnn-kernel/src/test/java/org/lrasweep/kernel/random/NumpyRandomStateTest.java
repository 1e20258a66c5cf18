package org.lrasweep.kernel.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Against values printed by numpy 2.4 ({@code numpy.random.RandomState}) and the MT19937 reference. */
class NumpyRandomStateTest {
    @Test
    void firstWordOfTheReferenceSeedMatchesMt19937() {
        // Matsumoto & Nishimura's reference: init_genrand(5489) starts 3499211612, 581869302, ...
        NumpyRandomState rng = new NumpyRandomState(5489);
        assertEquals(3499211612L, rng.nextWord());
        assertEquals(581869302L, rng.nextWord());
    }

    @Test
    void randintMatchesNumpy() {
        // RandomState(0).randint(10, size=10)
        assertArrayEquals(new int[] {5, 0, 3, 3, 7, 9, 3, 5, 2, 4}, new NumpyRandomState(0).randint(10, 10));
        // RandomState(42).randint(0, 10, 5)
        assertArrayEquals(new int[] {6, 3, 7, 4, 6}, new NumpyRandomState(42).randint(10, 5));
        // RandomState(4294967295).randint(100, size=4): the largest seed
        assertArrayEquals(new int[] {35, 34, 12, 71}, new NumpyRandomState(4294967295L).randint(100, 4));
    }

    @Test
    void randintMixedBoundsShareOneStreamAsNumpy() {
        // r = RandomState(7); r.randint(1000, size=5), r.randint(2**31-1, size=3), r.randint(1, size=2), r.randint(3, size=4)
        NumpyRandomState rng = new NumpyRandomState(7);
        assertArrayEquals(new int[] {175, 196, 537, 502, 579}, rng.randint(1000, 5));
        assertArrayEquals(new int[] {2053951699, 959775639, 1956722279}, rng.randint(Integer.MAX_VALUE, 3));
        assertArrayEquals(new int[] {0, 0}, rng.randint(1, 2));
        assertArrayEquals(new int[] {0, 1, 2, 0}, rng.randint(3, 4));
    }

    @Test
    void randintOfOneConsumesNoWord() {
        // RandomState(7): randint(1, size=3) then randint(5, size=6) equals randint(5, size=6) alone.
        NumpyRandomState withOnes = new NumpyRandomState(7);
        withOnes.randint(1, 3);
        assertArrayEquals(new int[] {4, 1, 3, 3, 4, 1}, withOnes.randint(5, 6));
        assertArrayEquals(new int[] {4, 1, 3, 3, 4, 1}, new NumpyRandomState(7).randint(5, 6));
    }

    @Test
    void uniformMatchesNumpy() {
        // RandomState(0).random_sample(3)
        NumpyRandomState rng = new NumpyRandomState(0);
        assertEquals(0.5488135039273248, rng.uniform());
        assertEquals(0.7151893663724195, rng.uniform());
        assertEquals(0.6027633760716439, rng.uniform());
    }

    @Test
    void rejectsSeedsOutsideUint32AndEmptyBounds() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1).randint(0));
    }
}
