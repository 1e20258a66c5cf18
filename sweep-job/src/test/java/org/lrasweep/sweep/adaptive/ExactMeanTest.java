package org.lrasweep.sweep.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lrasweep.sweep.SparkSessionExtension;

/** A mean that does not move with the partitioning: the same bits in any order, and the double nearest the exact mean. */
@ExtendWith(SparkSessionExtension.class)
class ExactMeanTest {
    // Eight accuracies on 10,000 test sequences whose double sum depends on the order: forwards the mean is
    // 0.9494625, backwards 0.9494625000000001.
    private static final double[] ACCURACIES = {0.9243, 0.9606, 0.9557, 0.9133, 0.9378, 0.9937, 0.9618, 0.9485};

    @Test
    void theMeanIsTheSameInEveryOrderAndPartitioningAndIsTheExactMeanRounded(SparkSession spark) {
        double forwards = 0;
        double backwards = 0;
        for (int i = 0; i < ACCURACIES.length; i++) {
            forwards += ACCURACIES[i];
            backwards += ACCURACIES[ACCURACIES.length - 1 - i];
        }
        assertNotEquals(forwards / ACCURACIES.length, backwards / ACCURACIES.length, "the data must make plain summation order-dependent");

        // The exact mean of the decimal values, rounded once: computed here without Spark.
        BigDecimal sum = BigDecimal.ZERO;
        for (double a : ACCURACIES) {
            sum = sum.add(new BigDecimal(Double.toString(a)));
        }
        double exact = sum.divide(BigDecimal.valueOf(ACCURACIES.length), MathContext.DECIMAL128).doubleValue();
        assertEquals(0.9494625, exact);

        StructType schema = new StructType().add("config_id", DataTypes.StringType).add("best_accuracy", DataTypes.DoubleType, true);
        List<Row> rows = new ArrayList<>();
        for (double a : ACCURACIES) {
            rows.add(RowFactory.create("a", a));
        }
        rows.add(RowFactory.create("a", null));  // no check ran: left out, as avg leaves it out
        List<Row> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        for (List<Row> order : List.of(rows, reversed)) {
            for (int partitions : new int[] {1, 3, 8}) {
                Dataset<Row> trials = spark.createDataFrame(order, schema).repartition(partitions);
                Row r = trials.groupBy("config_id").agg(ExactMean.of(functions.col("best_accuracy")).as("mean")).first();
                assertEquals(exact, r.getDouble(1), partitions + " partitions");
            }
        }
        Row none = spark.createDataFrame(List.of(RowFactory.create("b", null)), schema).groupBy("config_id")
                .agg(ExactMean.of(functions.col("best_accuracy"))).first();
        assertTrue(none.isNullAt(1), "no value: null, not zero");
    }
}
