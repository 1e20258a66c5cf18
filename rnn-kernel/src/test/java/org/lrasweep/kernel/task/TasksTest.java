package org.lrasweep.kernel.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrasweep.kernel.random.NumpyRandomState;

class TasksTest {
    @ParameterizedTest
    @ValueSource(strings = {"temporal-order", "temporal-order-3bit", "random-permutation", "adding"})
    void rejectsShortSequencesAndEmptyBatches(String name) {
        Task task = Tasks.byName(name);
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> task.generate(new NumpyRandomState(1), 4, 9));
        assertTrue(tooShort.getMessage().contains("length"), tooShort.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> task.generate(new NumpyRandomState(1), 0, 20));
        assertTrue(empty.getMessage().contains("batch"), empty.getMessage());
    }

    @Test
    void unknownTaskNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tasks.byName("copy"));
        assertEquals("task = copy: unknown (known: temporal-order, temporal-order-3bit, random-permutation, adding)", e.getMessage());
    }

    @Test
    void temporalOrderLabelIsTheTwoMarksAsBits() {
        Batch batch = Tasks.byName("temporal-order").generate(new NumpyRandomState(3), 200, 30);
        for (int b = 0; b < batch.size(); b++) {
            int label = 0;
            int marks = 0;
            for (int t = 0; t < batch.length(); t++) {
                int s = batch.symbol(t, b);
                assertTrue(s >= 0 && s < 6);
                if (s < 2) {
                    // First mark in [3, 6), second in [15, 18) for T = 30.
                    assertTrue(marks == 0 ? t >= 3 && t < 6 : t >= 15 && t < 18, "mark at " + t);
                    label |= s << marks;
                    marks++;
                }
            }
            assertEquals(2, marks);
            assertEquals(label, batch.label(b));
        }
    }

    @Test
    void randomPermutationRecallsTheFirstSymbol() {
        Batch batch = Tasks.byName("random-permutation").generate(new NumpyRandomState(5), 100, 20);
        for (int b = 0; b < batch.size(); b++) {
            assertEquals(batch.symbol(0, b), batch.label(b));
            assertTrue(batch.label(b) < 2);
            for (int t = 1; t < batch.length(); t++) {
                assertTrue(batch.symbol(t, b) >= 2);
            }
        }
    }

    @Test
    void addingTargetIsTheMeanOfTheMarkedValues() {
        Batch batch = Tasks.byName("adding").generate(new NumpyRandomState(9), 50, 20);
        for (int b = 0; b < batch.size(); b++) {
            float sum = 0;
            int marks = 0;
            for (int t = 0; t < batch.length(); t++) {
                if (batch.denseValue(t, b, 0) == 1f) {
                    sum += batch.denseValue(t, b, 1);
                    marks++;
                }
            }
            assertEquals(2, marks);
            assertEquals(sum / 2f, batch.target(b, 0), 1e-7);
        }
    }

    @Test
    void samplesKeepsStepOrder() {
        Batch batch = Tasks.byName("temporal-order").generate(new NumpyRandomState(2), 10, 12);
        Batch part = batch.samples(3, 7);
        for (int t = 0; t < 12; t++) {
            for (int b = 0; b < 4; b++) {
                assertEquals(batch.symbol(t, b + 3), part.symbol(t, b));
            }
        }
        assertEquals(batch.label(5), part.label(2));
    }
}
