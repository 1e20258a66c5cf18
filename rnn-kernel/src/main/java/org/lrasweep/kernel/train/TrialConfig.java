package org.lrasweep.kernel.train;

import org.lrasweep.kernel.task.Task;
import org.lrasweep.kernel.task.Tasks;

/**
 * Everything that determines a trial: with the seed, its result is fully determined
 * (spec section 5). Defaults are the reference protocol's.
 *
 * @param task           task name
 * @param length         sequence length T (>= 10)
 * @param seed           task stream and weight seed, in [0, 2^32 - 1]
 * @param algorithm      bptt or lra
 * @param hidden         hidden units H
 * @param batch          training batch size B
 * @param testSize       test sequences drawn before training
 * @param checkEvery     iterations between test evaluations
 * @param patience       checks without a new best test error before {@code plateaued}
 * @param maxIterations  iteration budget
 * @param solvedError    test error below which the trial is {@code solved}
 * @param bptt           BPTT settings (used when algorithm is bptt)
 * @param lra            LRA settings (used when algorithm is lra)
 */
public record TrialConfig(String task, int length, long seed, Algorithm algorithm, int hidden, int batch, int testSize,
                          int checkEvery, int patience, int maxIterations, double solvedError,
                          BpttSettings bptt, LraSettings lra) implements java.io.Serializable {
    public static final int DEFAULT_HIDDEN = 100;
    public static final int DEFAULT_BATCH = 20;
    public static final int DEFAULT_TEST_SIZE = 10_000;
    public static final int DEFAULT_CHECK_EVERY = 100;
    public static final int DEFAULT_PATIENCE = 30;
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;
    public static final double DEFAULT_SOLVED_ERROR = 1e-4;
    /** BPTT's documented default learning rate (chosen by the sanity runs in README). */
    public static final double DEFAULT_BPTT_LEARNING_RATE = 0.1;
    public static final double DEFAULT_BPTT_CLIP = 1.0;

    public TrialConfig {
        Tasks.byName(task);
        Settings.require(length >= Task.MIN_LENGTH, "length", length, "must be >= " + Task.MIN_LENGTH);
        Settings.require(seed >= 0 && seed <= 0xFFFFFFFFL, "seed", seed, "must be in [0, 4294967295]");
        Settings.require(algorithm != null, "algorithm", null, "required");
        Settings.require(hidden >= 1, "hidden", hidden, "must be >= 1");
        Settings.require(batch >= 1, "batch", batch, "must be >= 1");
        Settings.require(testSize >= 1, "test-size", testSize, "must be >= 1");
        Settings.require(checkEvery >= 1, "check-every", checkEvery, "must be >= 1");
        Settings.require(patience >= 1, "patience", patience, "must be >= 1");
        Settings.require(maxIterations >= 1, "max-iterations", maxIterations, "must be >= 1");
        Settings.require(solvedError > 0 && solvedError <= 1, "solved-error", solvedError, "must be in (0, 1]");
        Settings.require(algorithm != Algorithm.BPTT || bptt != null, "bptt", null, "settings required for algorithm bptt");
        Settings.require(algorithm != Algorithm.LRA || lra != null, "lra", null, "settings required for algorithm lra");
        if (algorithm == Algorithm.LRA) {
            lra.checkShape(batch, hidden);
        }
    }

    /** The task. */
    public Task taskInstance() {
        return Tasks.byName(task);
    }

    /** A trainer for this configuration's algorithm and settings. */
    public Trainer trainer() {
        return algorithm == Algorithm.BPTT ? new BpttTrainer(bptt) : LraTrainers.create(lra);
    }
}
