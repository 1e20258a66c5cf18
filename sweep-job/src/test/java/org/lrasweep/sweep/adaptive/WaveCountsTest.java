package org.lrasweep.sweep.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lrasweep.sweep.SparkSessionExtension;

/** The per configuration × wave counts the selection replays, aggregated in Spark. */
@ExtendWith(SparkSessionExtension.class)
class WaveCountsTest {
    @Test
    void eachWaveCountsExactlyItsPrefixOfThePool(SparkSession spark) {
        StructType schema = new StructType().add("config_id", DataTypes.StringType).add("seed", DataTypes.LongType)
                .add("status", DataTypes.StringType).add("solved_at", DataTypes.IntegerType, true)
                .add("best_accuracy", DataTypes.DoubleType, true);
        Dataset<Row> trials = spark.createDataFrame(List.of(
                RowFactory.create("a", 7L, "solved", 300, 1.0),
                RowFactory.create("a", 3L, "plateaued", null, 0.5),
                RowFactory.create("a", 9L, "solved", 100, 1.0),       // wave 2 only
                RowFactory.create("a", 99L, "solved", 100, 1.0),      // not in the pool
                RowFactory.create("b", 7L, "failed", null, null),     // threw: tried, not in the rate or the accuracy
                RowFactory.create("b", 3L, "max-iterations", null, 0.8),
                RowFactory.create("z", 7L, "solved", 100, 1.0)),      // not one of the sweep's configurations
                schema);
        Map<String, Map<Integer, Allocation.Count>> counts = WaveCounts.of(trials, List.of(7L, 3L, 9L), 2, List.of("a", "b"));

        assertEquals(new Allocation.Count(2, 0, 1, 300.0, 0.75), counts.get("a").get(1));
        assertEquals(new Allocation.Count(3, 0, 2, 200.0, 2.5 / 3), counts.get("a").get(2));
        Allocation.Count b = counts.get("b").get(2);
        assertEquals(List.of(2, 1, 0), List.of(b.tried(), b.failed(), b.solved()));
        assertTrue(Double.isNaN(b.medianIterations()));
        assertEquals(0.8, b.meanBestAccuracy(), 1e-12);
        assertFalse(counts.containsKey("z"));
    }
}
