package org.lrasweep.kernel.train;

import static org.lrasweep.kernel.param.TrialParameters.ALGORITHM;
import static org.lrasweep.kernel.param.TrialParameters.BATCH;
import static org.lrasweep.kernel.param.TrialParameters.CHECK_EVERY;
import static org.lrasweep.kernel.param.TrialParameters.HIDDEN;
import static org.lrasweep.kernel.param.TrialParameters.LENGTH;
import static org.lrasweep.kernel.param.TrialParameters.MAX_ITERATIONS;
import static org.lrasweep.kernel.param.TrialParameters.PATIENCE;
import static org.lrasweep.kernel.param.TrialParameters.SEED;
import static org.lrasweep.kernel.param.TrialParameters.SOLVED_ERROR;
import static org.lrasweep.kernel.param.TrialParameters.TASK;
import static org.lrasweep.kernel.param.TrialParameters.TEST_SIZE;

import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.task.Task;
import org.lrasweep.kernel.task.Tasks;

/**
 * Everything that determines a trial: with the seed, its result is fully determined (spec
 * section 5). Each component is a parameter declared, documented and validated in
 * {@link org.lrasweep.kernel.param.TrialParameters}; build one from {@link ParamValues}.
 *
 * @param bptt BPTT settings (algorithm bptt), else null
 * @param lra  LRA settings (algorithm lra), else null
 */
public record TrialConfig(String task, int length, long seed, Algorithm algorithm, int hidden, int batch, int testSize,
                          int checkEvery, int patience, int maxIterations, double solvedError,
                          BpttSettings bptt, LraSettings lra) implements java.io.Serializable {
    public TrialConfig {
        TASK.parse(task);
        LENGTH.check(length);
        SEED.check(seed);
        ALGORITHM.check(algorithm == null ? null : algorithm.configName());
        HIDDEN.check(hidden);
        BATCH.check(batch);
        TEST_SIZE.check(testSize);
        CHECK_EVERY.check(checkEvery);
        PATIENCE.check(patience);
        MAX_ITERATIONS.check(maxIterations);
        SOLVED_ERROR.check(solvedError);
        if ((algorithm == Algorithm.BPTT) != (bptt != null) || (algorithm == Algorithm.LRA) != (lra != null)) {
            throw new IllegalArgumentException("algorithm = " + algorithm.configName() + ": needs its own settings and no others");
        }
        if (algorithm == Algorithm.LRA) {
            lra.checkShape(batch, hidden);
        }
    }

    /**
     * The configuration of these values; the settings of the other algorithm are ignored.
     *
     * @throws IllegalArgumentException one line naming the first invalid setting
     */
    public static TrialConfig from(ParamValues v) {
        Algorithm algorithm = v.algorithm();
        return new TrialConfig(v.get(TASK), v.get(LENGTH), v.get(SEED), algorithm, v.get(HIDDEN), v.get(BATCH), v.get(TEST_SIZE),
                v.get(CHECK_EVERY), v.get(PATIENCE), v.get(MAX_ITERATIONS), v.get(SOLVED_ERROR),
                algorithm == Algorithm.BPTT ? BpttSettings.from(v) : null, algorithm == Algorithm.LRA ? LraSettings.from(v) : null);
    }

    /** Every parameter's value (those of the other algorithm null). */
    public ParamValues values() {
        return ParamValues.of(this);
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
