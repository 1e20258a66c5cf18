package org.lrasweep.sweep.run;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.Scope;
import org.lrasweep.kernel.param.TrialParameters;

/**
 * The Parquet schemas of a sweep's tables (README, "Output tables"): the rows executors write into
 * the journal ({@link Journal}) and, with {@code task} and {@code length} as partition folders, the
 * compacted tables under {@code tables/} ({@link Compactor}). Non-finite numbers are written as null.
 */
public final class Tables {
    public static final String TRIALS = "trials";
    public static final String CURVES = "curves";
    public static final String GRADIENTS = "gradients";

    /**
     * The layout of the rows written now, in every table's {@code schema_version} column. 1 is the
     * first layout, which had no such column (readers fill it in); 2 added {@code schema_version},
     * {@code config_id}, {@code method}, {@code label}, per-algorithm parameter columns,
     * {@code best_iteration}, {@code collapsed} and {@code blas_core}; 3 added {@code commit_id} to
     * every table and {@code run_id} to trials, with the journal; 4 added {@code stage} to trials, with
     * adaptive sweeps (rows before it are {@code grid}); 5 added to trials the continuous outcome
     * ({@code best_mistakes}, {@code final_mistakes}), the Omega guard's first event
     * ({@code omega_guard_first}) and, with checkpoints, {@code start_iteration} and {@code extended_from}.
     */
    public static final int SCHEMA_VERSION = 5;

    /**
     * One row per trial: its ids, every trial parameter (a column per declaration; those of the other
     * algorithm null), the outcome and its provenance.
     */
    public static final MessageType TRIALS_SCHEMA = MessageTypeParser.parseMessageType("message trials {\n"
            + "  required binary trial_id (STRING);\n  required int32 schema_version;\n  required binary config_id (STRING);\n  required binary method (STRING);\n"
            + "  required binary label (STRING);\n  required binary sweep (STRING);\n"
            + parameterFields() + """
              required binary status (STRING);
              optional binary error (STRING);
              required int32 iterations;
              optional int32 solved_at;
              optional double best_accuracy;
              optional int32 best_iteration;
              required boolean collapsed;
              optional double final_accuracy;
              optional double final_test_loss;
              optional int64 best_mistakes;
              optional int64 final_mistakes;
              required double wall_seconds;
              required int64 omega_zero_events;
              optional int32 omega_guard_first;
              optional int32 start_iteration;
              optional binary extended_from (STRING);
              required binary executor_host (STRING);
              required binary executor_id (STRING);
              required int32 attempt;
              required binary commit_id (STRING);
              required binary run_id (STRING);
              required binary stage (STRING);
              required binary code_version (STRING);
              required binary blas_core (STRING);
              required int64 started_at (TIMESTAMP(MILLIS,true));
              required int64 finished_at (TIMESTAMP(MILLIS,true));
            }""");

    private static String parameterFields() {
        StringBuilder s = new StringBuilder();
        for (Param<?> p : TrialParameters.ALL) {
            String type = switch (p.type()) {
                case INT -> "int32";
                case LONG -> "int64";
                case DOUBLE -> "double";
                case NAME -> "binary";
            };
            s.append("  ").append(p.scope() == Scope.SHARED ? "required " : "optional ").append(type).append(' ')
                    .append(p.column()).append(p.type() == Param.Type.NAME ? " (STRING)" : "").append(";\n");
        }
        return s.toString();
    }

    /** The Spark SQL type of a parameter's column. */
    public static DataType sparkType(Param<?> p) {
        return switch (p.type()) {
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case NAME -> DataTypes.StringType;
        };
    }

    /**
     * A Parquet schema as Spark SQL's, every column nullable (a file of an earlier layout may lack
     * one): what the journal's files are read with, so that Spark need not open every footer.
     */
    public static StructType sparkSchema(MessageType schema) {
        StructType s = new StructType();
        for (org.apache.parquet.schema.Type f : schema.getFields()) {
            org.apache.parquet.schema.PrimitiveType p = f.asPrimitiveType();
            DataType type = switch (p.getPrimitiveTypeName()) {
                case INT32 -> DataTypes.IntegerType;
                case INT64 -> p.getLogicalTypeAnnotation() == null ? DataTypes.LongType : DataTypes.TimestampType;
                case DOUBLE -> DataTypes.DoubleType;
                case BOOLEAN -> DataTypes.BooleanType;
                case BINARY -> DataTypes.StringType;
                default -> throw new IllegalStateException("no Spark type for " + f);
            };
            s = s.add(f.getName(), type, true);
        }
        return s;
    }

    /**
     * A details table ({@link #CURVES} or {@link #GRADIENTS}) of a tables version, read with its
     * schema and partition columns given, so that a table without rows (every trial of the version
     * ended before its first check) reads as empty instead of failing Spark's schema inference.
     */
    public static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> readDetails(org.apache.spark.sql.SparkSession spark,
                                                                                    org.apache.hadoop.fs.Path version, String table) {
        StructType schema = sparkSchema(CURVES.equals(table) ? CURVES_SCHEMA : GRADIENTS_SCHEMA)
                .add(TrialParameters.TASK.column(), DataTypes.StringType).add(TrialParameters.LENGTH.column(), DataTypes.IntegerType);
        return spark.read().schema(schema).parquet(new org.apache.hadoop.fs.Path(version, table).toString());
    }

    /** One row per check of a trial: the learning curve. */
    public static final MessageType CURVES_SCHEMA = MessageTypeParser.parseMessageType("""
            message curves {
              required binary trial_id (STRING);
              required int32 schema_version;
              required binary commit_id (STRING);
              required int32 iteration;
              optional double train_loss;
              optional double target_loss;
              optional double test_loss;
              optional double test_accuracy;
            }""");

    /** One row per check and time step: the per-step diagnostics of the last training iteration. */
    public static final MessageType GRADIENTS_SCHEMA = MessageTypeParser.parseMessageType("""
            message gradients {
              required binary trial_id (STRING);
              required int32 schema_version;
              required binary commit_id (STRING);
              required int32 iteration;
              required int32 step;
              optional double local_loss;
              optional double whh_norm;
              optional double wxh_norm;
              optional double bh_norm;
            }""");

    private Tables() {
    }
}
