package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;
import org.lrasweep.sweep.run.AllocationTable;

/** An output holding the selections of two sweeps (a consolidated study): each sweep's pool, stops and savings apart. */
class SelectionTest {
    private static Row row(String sweep, int wave, int pool, String config, int seedsRun, String decision, boolean winner) {
        return new GenericRowWithSchema(new Object[] {wave, pool, config, "g", "m", config, seedsRun, 0, 1, 1.0 / seedsRun, 0.1, 0.9,
            null, null, decision, null, winner, sweep}, AllocationTable.schema());
    }

    @Test
    void eachSweepKeepsItsOwnPoolAndTheSameConfigurationInTwoSweepsIsTwoEntries() {
        // Sweep a: a pool of 8, two configurations (one stopped after wave 1 with 2 seeds, the winner ran all 8).
        // Sweep b: a pool of 20, the same config id "x" as in a, still running.
        List<Row> rows = List.of(row("a", 1, 8, "x", 2, "dominated", false), row("a", 1, 8, "y", 2, "continue", false),
                row("a", 2, 8, "y", 8, "max-seeds", true), row("b", 1, 20, "x", 5, "continue", false));
        Selection s = Selection.of(rows);
        assertEquals(3, s.configurations().size(), "x in a and x in b are two entries; y's last wave only");
        assertEquals(2 + 8 + 5, s.trialsRun());
        assertEquals(8 + 8 + 20, s.fullPool(), "each configuration on its own sweep's pool");
        assertEquals(20, s.pool());
        assertFalse(s.complete(), "b is still running");

        Map<String, Selection> parts = s.bySweep();
        assertEquals(List.of("a", "b"), List.copyOf(parts.keySet()));
        assertEquals(10, parts.get("a").trialsRun());
        assertEquals(16, parts.get("a").fullPool());
        assertEquals(8, parts.get("a").pool());
        assertTrue(parts.get("a").complete());
        assertEquals(List.of("y"), parts.get("a").winners().stream().map(Selection.Stopped::configId).toList());
        assertEquals(20, parts.get("b").fullPool());
        assertFalse(parts.get("b").complete());
    }
}
