package org.lrasweep.kernel.param;

import java.util.List;
import org.lrasweep.kernel.task.Task;
import org.lrasweep.kernel.task.Tasks;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.LocalLoss;
import org.lrasweep.kernel.train.LraSettings;
import org.lrasweep.kernel.train.Normalize;
import org.lrasweep.kernel.train.OmegaGuard;

/**
 * Every trial parameter, declared once; the order here is the order of columns and docs. A new
 * knob is one more declaration here plus its use in the kernel: specs, grids, trial ids, the
 * Parquet schema, the analysis, the CLIs and the README's parameter table follow from it. A knob
 * added after results were stored must be {@link Param#inIdUnlessDefault()}, so that stored trials
 * (which ran at its default) keep their ids.
 */
public final class TrialParameters {
    private TrialParameters() {
    }

    public static final Param<String> TASK = Param.name("task", "temporal-order", Tasks.names(), "task",
            "the task (temporal order, its 3-bit variant, random permutation, adding)", c -> c.task());
    public static final Param<Integer> LENGTH = Param.integer("length", 20, "T",
            "sequence length T", c -> c.length()).rule(v -> v >= Task.MIN_LENGTH, "must be >= " + Task.MIN_LENGTH);
    public static final Param<Long> SEED = Param.longInteger("seed", 1, "seed",
            "seed of the trial's task stream and initial weights", c -> c.seed())
            .rule(v -> v >= 0 && v <= 0xFFFFFFFFL, "must be in [0, 4294967295]");
    public static final Param<String> ALGORITHM = Param.name("algorithm", "bptt", Named.names(Algorithm.values()), "algorithm",
            "the learning algorithm", c -> c.algorithm().configName());
    public static final Param<Integer> HIDDEN = Param.integer("hidden", 100, "H",
            "hidden units H", c -> c.hidden()).rule(v -> v >= 1, "must be >= 1");
    public static final Param<Integer> BATCH = Param.integer("batch", 20, "B",
            "training batch size B", c -> c.batch()).rule(v -> v >= 1, "must be >= 1");
    public static final Param<Integer> TEST_SIZE = Param.integer("test-size", 10_000, "test size",
            "test sequences, drawn from the trial's stream before training", c -> c.testSize()).rule(v -> v >= 1, "must be >= 1");
    public static final Param<Integer> CHECK_EVERY = Param.integer("check-every", 100, "check every",
            "iterations between test evaluations (checks)", c -> c.checkEvery()).rule(v -> v >= 1, "must be >= 1");
    public static final Param<Integer> PATIENCE = Param.integer("patience", 30, "patience",
            "checks without a new best test error before a trial is plateaued", c -> c.patience()).rule(v -> v >= 1, "must be >= 1");
    public static final Param<Integer> MAX_ITERATIONS = Param.integer("max-iterations", 100_000, "budget",
            "the iteration budget", c -> c.maxIterations()).rule(v -> v >= 1, "must be >= 1");
    public static final Param<Double> SOLVED_ERROR = Param.real("solved-error", 1e-4, "solved error",
            "test error below which a trial is solved (1e-4 on 10,000 test sequences: no mistake)", c -> c.solvedError())
            .rule(v -> v > 0 && v <= 1, "must be in (0, 1]");

    public static final Param<Double> BPTT_LEARNING_RATE = Param.real("bptt.learning-rate", 0.1, "eta",
            "BPTT's SGD learning rate eta", c -> c.bptt().learningRate()).rule(v -> v > 0, "must be > 0");
    public static final Param<Double> BPTT_CLIP = Param.real("bptt.clip", 1.0, "clip",
            "BPTT's global-norm clipping threshold (rescale when the norm is strictly greater; 0 = off)",
            c -> c.bptt().clip()).rule(v -> v >= 0, "must be >= 0");
    public static final Param<Double> BPTT_ALPHA = Param.real("bptt.alpha", 0.0, "alpha",
            "weight of Pascanu's gradient-flow regularizer on BPTT's Whh gradient (0 = off)",
            c -> c.bptt().alpha()).rule(v -> v >= 0, "must be >= 0");

    public static final Param<String> LRA_VARIANT = Param.name("lra.variant", "released", Named.names(LraSettings.Variant.values()),
            "variant", "released (the authors' code, quirks included) or local (the method as the paper describes it)",
            c -> c.lra().variant().configName());
    public static final Param<Double> LRA_LEARNING_RATE = Param.real("lra.learning-rate", 0.1, "eta",
            "LRA's SGD learning rate eta", c -> c.lra().learningRate()).rule(v -> v > 0, "must be > 0");
    public static final Param<Double> LRA_BETA = Param.real("lra.beta", 10.0, "beta",
            "target step size beta (the reference's glr)", c -> c.lra().beta()).rule(v -> v > 0, "must be > 0");
    public static final Param<Integer> LRA_K = Param.integer("lra.k", 10, "K",
            "target steps K per target search", c -> c.lra().k()).rule(v -> v >= 1, "must be >= 1");
    public static final Param<Double> LRA_C = Param.real("lra.c", 1.0, "c",
            "threshold c of lra.normalize for target steps and per-step updates (0 = off)",
            c -> c.lra().c()).rule(v -> v >= 0, "must be >= 0");
    public static final Param<String> LRA_NORMALIZE = Param.name("lra.normalize", "clip", Named.names(Normalize.values()), "normalize",
            "clip (rescale to norm c when the norm reaches c), force (always rescale to c; an ablation) or off",
            c -> c.lra().normalize().configName());
    public static final Param<Double> LRA_ALPHA = Param.real("lra.alpha", 0.0, "alpha",
            "weight of the gradient-flow regularizer Omega (0 = LRA, > 0 = regularized LRA)",
            c -> c.lra().alpha()).rule(v -> v >= 0, "must be >= 0");
    public static final Param<String> LRA_LOCAL_LOSS = Param.name("lra.local-loss", "log-penalty", Named.names(LocalLoss.values()),
            "local loss", "the local loss: log-penalty (mean log(1 + d^2)) or mse (mean d^2)",
            c -> c.lra().localLoss().configName());
    public static final Param<Double> LRA_MOMENTUM = Param.real("lra.momentum", 0.0, "mu",
            "heavy-ball momentum mu of LRA's SGD step: v <- mu v + update, W <- W - eta v (0 = plain SGD, the reference's)",
            c -> c.lra().momentum()).rule(v -> v >= 0 && v < 1, "must be in [0, 1)").inIdUnlessDefault();
    public static final Param<String> LRA_OMEGA_GUARD = Param.name("lra.omega-guard", "on", Named.names(OmegaGuard.values()),
            "Omega guard", "on: an Omega term whose error signal is exactly 0 (Omega = 0/0) is skipped and counted; off: it is NaN, "
                    + "as in the authors' code, and the trial diverges", c -> c.lra().omegaGuard().configName()).inIdUnlessDefault();

    /** Every parameter, in column order. */
    public static final List<Param<?>> ALL = List.of(TASK, LENGTH, SEED, ALGORITHM, HIDDEN, BATCH, TEST_SIZE, CHECK_EVERY,
            PATIENCE, MAX_ITERATIONS, SOLVED_ERROR, BPTT_LEARNING_RATE, BPTT_CLIP, BPTT_ALPHA, LRA_VARIANT, LRA_LEARNING_RATE,
            LRA_BETA, LRA_K, LRA_C, LRA_NORMALIZE, LRA_ALPHA, LRA_LOCAL_LOSS, LRA_MOMENTUM, LRA_OMEGA_GUARD);

    /**
     * The stopping rule: the parameters that only decide where a trial's trajectory is cut, never
     * the trajectory itself (which depends on the other parameters and the seed alone). Trials
     * that differ only in these share a trajectory, so one can continue or inherit another.
     */
    public static final List<Param<?>> STOPPING_RULE = List.of(PATIENCE, MAX_ITERATIONS, SOLVED_ERROR);

    /** The parameters a grid expands over: all but the seed (its own axis) and the algorithm (which picks the scope). */
    public static List<Param<?>> gridAxes(Algorithm algorithm) {
        return ALL.stream().filter(p -> p != SEED && p != ALGORITHM && p.scope().appliesTo(algorithm)).toList();
    }

    /** The parameter with this key. */
    public static Param<?> byKey(String key) {
        for (Param<?> p : ALL) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown parameter '" + key + "'");
    }

    /** The parameter of this column. */
    public static Param<?> byColumn(String column) {
        for (Param<?> p : ALL) {
            if (p.column().equals(column)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown column '" + column + "'");
    }

}
