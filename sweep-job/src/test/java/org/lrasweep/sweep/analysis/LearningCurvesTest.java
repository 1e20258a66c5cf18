package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lrasweep.sweep.SparkSessionExtension;

/** The learning curves' aggregation, in Spark, on hand-made curves with known quartiles. */
@ExtendWith(SparkSessionExtension.class)
class LearningCurvesTest {
    @Test
    void endedTrialsKeepTheirLastAccuracyUpToTheirConfigurationsLastCheck(SparkSession spark) {
        List<Row> curves = new ArrayList<>();
        Map<String, double[]> trials = Map.of("solved-early", new double[] {0.5, 1.0}, "slow", new double[] {0.25, 0.5, 0.75, 0.75},
                "plateau", new double[] {0.25, 0.25, 0.25}, "other-config", new double[] {0.9});
        trials.forEach((id, accuracies) -> {
            for (int i = 0; i < accuracies.length; i++) {
                curves.add(RowFactory.create(id, 10 * (i + 1), accuracies[i]));
            }
        });
        curves.add(RowFactory.create("slow", 50, null));
        List<Row> configs = List.of(RowFactory.create("solved-early", "c", 10), RowFactory.create("slow", "c", 10),
                RowFactory.create("plateau", "c", 10), RowFactory.create("other-config", "d", 10));
        Map<String, TreeMap<Integer, double[]>> out = SweepAnalysis.learningCurves(
                spark.createDataFrame(curves, new StructType().add("trial_id", DataTypes.StringType)
                        .add("iteration", DataTypes.IntegerType).add("test_accuracy", DataTypes.DoubleType)),
                spark.createDataFrame(configs, new StructType().add("trial_id", DataTypes.StringType)
                        .add("config_id", DataTypes.StringType).add("check_every", DataTypes.IntegerType)));
        TreeMap<Integer, double[]> c = out.get("c");
        assertEquals(Set.of(10, 20, 30, 40), c.keySet(), "up to the configuration's last measured check");
        // At 40 the values are 1.0 (carried), 0.75, 0.25 (carried): median 0.75, quartiles (type 7) 0.5 and 0.875.
        assertArrayEquals(new double[] {0.75, 0.5, 0.875}, c.get(40), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.25, 0.375}, c.get(10), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.375, 0.75}, c.get(20), 1e-12);
        assertEquals(Set.of(10), out.get("d").keySet(), "another configuration's trials are not carried into this one");
    }
}
