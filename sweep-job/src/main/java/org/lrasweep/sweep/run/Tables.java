package org.lrasweep.sweep.run;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schemas of a sweep's output tables (README, "Output tables"). Each table is a folder
 * of one file per trial, {@code <table>/<trial_id>.parquet}, which Spark, DuckDB, pandas and
 * pyarrow read as one table. Non-finite numbers are written as null.
 */
public final class Tables {
    public static final String TRIALS = "trials";
    public static final String CURVES = "curves";
    public static final String GRADIENTS = "gradients";

    /** One row per trial: parameters, outcome, provenance. */
    public static final MessageType TRIALS_SCHEMA = MessageTypeParser.parseMessageType("""
            message trials {
              required binary trial_id (STRING);
              required binary sweep (STRING);
              required binary task (STRING);
              required int32 length;
              required int64 seed;
              required binary algorithm (STRING);
              required int32 hidden;
              required int32 batch;
              required int32 test_size;
              required int32 check_every;
              required int32 patience;
              required int32 max_iterations;
              required double solved_error;
              required double learning_rate;
              required double clip;
              required double alpha;
              optional binary lra_variant (STRING);
              optional double lra_beta;
              optional int32 lra_k;
              optional binary lra_normalize (STRING);
              optional binary lra_local_loss (STRING);
              required binary status (STRING);
              optional binary error (STRING);
              required int32 iterations;
              optional int32 solved_at;
              optional double best_accuracy;
              optional double final_accuracy;
              optional double final_test_loss;
              required double wall_seconds;
              required int64 omega_zero_events;
              required binary executor_host (STRING);
              required binary executor_id (STRING);
              required int32 attempt;
              required binary code_version (STRING);
              required int64 started_at (TIMESTAMP(MILLIS,true));
              required int64 finished_at (TIMESTAMP(MILLIS,true));
            }""");

    /** One row per check of a trial: the learning curve. */
    public static final MessageType CURVES_SCHEMA = MessageTypeParser.parseMessageType("""
            message curves {
              required binary trial_id (STRING);
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
