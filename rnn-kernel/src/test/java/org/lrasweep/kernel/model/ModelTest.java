package org.lrasweep.kernel.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.random.NumpyRandomState;
import org.lrasweep.kernel.task.Batch;
import org.lrasweep.kernel.task.Tasks;

class ModelTest {
    @Test
    void orthogonalInitialisationIsOrthonormalAlongTheShorterSide() {
        Weights w = OrthogonalInit.forSeed(11, 6, 32, 4);
        assertOrthonormalRows(w.whh);
        assertOrthonormalRows(w.wxh);
        assertOrthonormalColumns(w.why);
        assertEquals(0.0, w.bh.sumSquares());
        assertEquals(0.0, w.by.sumSquares());
    }

    @Test
    void initialisationDependsOnTheSeedAlone() {
        assertArrayEquals(OrthogonalInit.forSeed(5, 6, 20, 4).whh.toArray(), OrthogonalInit.forSeed(5, 6, 20, 4).whh.toArray());
        assertFalse(Arrays.equals(OrthogonalInit.forSeed(5, 6, 20, 4).whh.toArray(), OrthogonalInit.forSeed(6, 6, 20, 4).whh.toArray()));
    }

    @Test
    void chunkedEvaluationEqualsOneForwardPassOverEverything() {
        Batch data = Tasks.byName("temporal-order").generate(new NumpyRandomState(4), 2_500, 12);
        Weights w = OrthogonalInit.forSeed(4, 6, 24, 4);
        for (InitialState start : InitialState.values()) {
            Evaluation chunked = Evaluator.of(w, data, start);
            ForwardPass all = ElmanRnn.forward(w, data, start);
            OutputLoss loss = OutputLoss.of(data);
            assertEquals(loss.value(all.logits, data), chunked.loss(), 1e-9);
            assertEquals(loss.mistakes(all.logits, data) / 2500.0, chunked.error(), 0.0);
        }
    }

    private static void assertOrthonormalRows(Matrix m) {
        for (int i = 0; i < m.rows; i++) {
            for (int j = 0; j < m.rows; j++) {
                double dot = 0;
                for (int k = 0; k < m.cols; k++) {
                    dot += m.get(i, k) * m.get(j, k);
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-5);
            }
        }
    }

    private static void assertOrthonormalColumns(Matrix m) {
        for (int i = 0; i < m.cols; i++) {
            for (int j = 0; j < m.cols; j++) {
                double dot = 0;
                for (int k = 0; k < m.rows; k++) {
                    dot += m.get(k, i) * m.get(k, j);
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-5);
            }
        }
    }
}
