package org.lrasweep.kernel.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpsTest {
    @Test
    void scalarTanhIsTheCorrectlyRoundedFloat() {
        for (int i = -1_000_000; i <= 1_000_000; i += 7) {
            float x = (float) (i * 1e-5);
            assertEquals((float) Math.tanh(x), Ops.scalarTanh(x), "tanh(" + x + ")");
        }
        // Near 0, where tanh(x) = x - x^3/3 rounds to x or its neighbour: no cancellation here.
        for (int e = -126; e < 0; e++) {
            for (int j = 0; j < 2048; j += 3) {
                float x = Math.scalb(1f + j / 2048f, e);
                assertEquals((float) Math.tanh(x), Ops.scalarTanh(x), "tanh(" + x + ")");
                assertEquals((float) Math.tanh(-x), Ops.scalarTanh(-x), "tanh(" + -x + ")");
            }
        }
        assertEquals(1f, Ops.scalarTanh(50f));
        assertEquals(-1f, Ops.scalarTanh(-50f));
        assertEquals(1f, Ops.scalarTanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, Ops.scalarTanh(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(Ops.scalarTanh(0f)));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(Ops.scalarTanh(-0f)));
        // A diverged state must stay visible.
        assertTrue(Float.isNaN(Ops.scalarTanh(Float.NaN)));
    }

    @Test
    void gemmHonoursTranspositionAndRowViews() {
        Matrix a = Matrix.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Matrix b = Matrix.of(new float[] {1, 0, 2, 1}, 2, 2);
        Matrix c = Matrix.zeros(2, 2);
        // Rows 1..2 of a times b^T: [[3,4],[5,6]] x [[1,2],[0,1]] = [[3,10],[5,16]].
        Matrix.multiply(a.rows(1, 3), false, b, true, c);
        assertEquals(3f, c.get(0, 0));
        assertEquals(10f, c.get(0, 1));
        assertEquals(5f, c.get(1, 0));
        assertEquals(16f, c.get(1, 1));
        // a^T a accumulated on top.
        Matrix d = Matrix.zeros(2, 2).fill(1f);
        Matrix.multiplyAdd(a, true, a, false, d);
        assertEquals(1 + 35f, d.get(0, 0));
        assertEquals(1 + 44f, d.get(0, 1));
        assertEquals(1 + 56f, d.get(1, 1));
    }

    @Test
    void viewsWriteThroughToTheirParent() {
        Matrix m = Matrix.zeros(4, 3);
        Ops.addRowVector(m.rows(2, 4), Matrix.of(new float[] {1, 2, 3}, 1, 3));
        assertEquals(0f, m.get(1, 2));
        assertEquals(3f, m.get(2, 2));
        assertEquals(1f, m.get(3, 0));
        Matrix sums = Matrix.zeros(1, 3);
        Ops.columnSums(m, sums, false);
        assertEquals(4f, sums.get(1));
    }
}
