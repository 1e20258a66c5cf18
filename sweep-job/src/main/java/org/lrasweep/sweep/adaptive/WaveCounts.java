package org.lrasweep.sweep.adaptive;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lrasweep.kernel.param.TrialParameters;

/**
 * The counts {@link Allocation#replay} needs, aggregated in Spark from the trials table: per
 * configuration and wave k, its committed trials among the first {@code min(k * wave, pool)} seeds
 * of the pool. Only configurations × waves reach the driver, never a row per trial.
 */
public final class WaveCounts {
    private WaveCounts() {
    }

    /**
     * The counts of these configurations.
     *
     * @param trials    the trials table (as {@link org.lrasweep.sweep.run.TrialsTable} reads it)
     * @param pool      the selection pool, in the order it is used
     * @param wave      seeds per wave
     * @param configIds the sweep's configurations
     */
    public static Map<String, Map<Integer, Allocation.Count>> of(Dataset<Row> trials, List<Long> pool, int wave,
                                                               Collection<String> configIds) {
        var spark = trials.sparkSession();
        int waves = (pool.size() + wave - 1) / wave;
        List<Row> index = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            index.add(RowFactory.create(pool.get(i), i));
        }
        String seed = TrialParameters.SEED.column();
        Dataset<Row> seeds = spark.createDataFrame(index, new StructType().add(seed, DataTypes.LongType).add("pool_index", DataTypes.IntegerType));
        Dataset<Row> configs = spark.createDataset(List.copyOf(configIds), Encoders.STRING()).toDF("config_id");
        spark.sparkContext().setJobDescription("lra-sweep: count the adaptive sweep's trials per wave");
        List<Row> rows = trials.select("config_id", seed, "status", "solved_at", "best_accuracy")
                .join(broadcast(configs), "config_id", "left_semi")
                .join(broadcast(seeds), seed)
                .withColumn("wave", explode(sequence(floor(col("pool_index").divide(wave)).cast("int").plus(1), lit(waves))))
                .groupBy("config_id", "wave")
                .agg(count(lit(1)).as("tried"),
                        sum(when(col("status").equalTo("failed"), 1).otherwise(0)).as("failed"),
                        sum(when(col("status").equalTo("solved"), 1).otherwise(0)).as("solved"),
                        expr("percentile(CASE WHEN status = 'solved' THEN solved_at END, 0.5)").as("median"),
                        ExactMean.of(when(col("status").notEqual("failed"), col("best_accuracy"))).as("mean_best"))
                .collectAsList();
        Map<String, Map<Integer, Allocation.Count>> out = new HashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getInt(1), new Allocation.Count((int) r.getLong(2),
                    (int) r.getLong(3), (int) r.getLong(4), r.isNullAt(5) ? Double.NaN : r.getDouble(5),
                    r.isNullAt(6) ? Double.NaN : r.getDouble(6)));
        }
        return out;
    }
}
