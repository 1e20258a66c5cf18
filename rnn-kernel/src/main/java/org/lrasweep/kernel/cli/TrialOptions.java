package org.lrasweep.kernel.cli;

import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.BpttSettings;
import org.lrasweep.kernel.train.LraSettings;
import org.lrasweep.kernel.train.TrialConfig;
import picocli.CommandLine.Option;

/** The settings of one trial as command-line options, each with the reference's default. */
final class TrialOptions {
    @Option(names = "--task", defaultValue = "temporal-order", description = "temporal-order, temporal-order-3bit, random-permutation, adding (default: ${DEFAULT-VALUE})")
    String task;
    @Option(names = "--length", defaultValue = "20", description = "sequence length T >= 10 (default: ${DEFAULT-VALUE})")
    int length;
    @Option(names = "--seed", defaultValue = "1", description = "trial seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--algorithm", defaultValue = "bptt", description = "bptt or lra (default: ${DEFAULT-VALUE})")
    String algorithm;
    @Option(names = "--hidden", defaultValue = "" + TrialConfig.DEFAULT_HIDDEN, description = "hidden units H (default: ${DEFAULT-VALUE})")
    int hidden;
    @Option(names = "--batch", defaultValue = "" + TrialConfig.DEFAULT_BATCH, description = "batch size B (default: ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--test-size", defaultValue = "" + TrialConfig.DEFAULT_TEST_SIZE, description = "test sequences (default: ${DEFAULT-VALUE})")
    int testSize;
    @Option(names = "--check-every", defaultValue = "" + TrialConfig.DEFAULT_CHECK_EVERY, description = "iterations between checks (default: ${DEFAULT-VALUE})")
    int checkEvery;
    @Option(names = "--patience", defaultValue = "" + TrialConfig.DEFAULT_PATIENCE, description = "checks without improvement before plateaued (default: ${DEFAULT-VALUE})")
    int patience;
    @Option(names = "--max-iterations", defaultValue = "" + TrialConfig.DEFAULT_MAX_ITERATIONS, description = "iteration budget (default: ${DEFAULT-VALUE})")
    int maxIterations;
    @Option(names = "--solved-error", defaultValue = "" + TrialConfig.DEFAULT_SOLVED_ERROR, description = "test error below which a trial is solved (default: ${DEFAULT-VALUE})")
    double solvedError;
    @Option(names = {"--learning-rate", "--lr"}, description = "SGD learning rate (default: bptt " + TrialConfig.DEFAULT_BPTT_LEARNING_RATE + ", lra " + LraSettings.DEFAULT_LEARNING_RATE + ")")
    Double learningRate;
    @Option(names = "--clip", description = "bptt: global-norm clip c (default " + TrialConfig.DEFAULT_BPTT_CLIP + "); lra: threshold c (default " + LraSettings.DEFAULT_C + "); 0 = off")
    Double clip;
    @Option(names = "--alpha", defaultValue = "0", description = "gradient-flow regularizer weight (bptt: Pascanu's on Whh; lra: Omega) (default: ${DEFAULT-VALUE})")
    double alpha;
    @Option(names = "--variant", defaultValue = "released", description = "lra: released or local (default: ${DEFAULT-VALUE})")
    String variant;
    @Option(names = "--beta", defaultValue = "" + LraSettings.DEFAULT_BETA, description = "lra: target step size (default: ${DEFAULT-VALUE})")
    double beta;
    @Option(names = "--k", defaultValue = "" + LraSettings.DEFAULT_K, description = "lra: target steps K (default: ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--normalize", defaultValue = "clip", description = "lra: clip, force or off (default: ${DEFAULT-VALUE})")
    String normalize;
    @Option(names = "--local-loss", defaultValue = "log-penalty", description = "lra: mse or log-penalty (default: ${DEFAULT-VALUE})")
    String localLoss;

    /** The validated trial configuration; invalid values raise one-line errors naming the option. */
    TrialConfig toConfig() {
        Algorithm alg = Algorithm.byName(algorithm);
        BpttSettings bptt = null;
        LraSettings lra = null;
        if (alg == Algorithm.BPTT) {
            bptt = new BpttSettings(learningRate == null ? TrialConfig.DEFAULT_BPTT_LEARNING_RATE : learningRate,
                    clip == null ? TrialConfig.DEFAULT_BPTT_CLIP : clip, alpha);
        } else {
            lra = LraSettings.fromNames(variant, learningRate == null ? LraSettings.DEFAULT_LEARNING_RATE : learningRate,
                    beta, k, clip == null ? LraSettings.DEFAULT_C : clip, normalize, alpha, localLoss);
        }
        return new TrialConfig(task, length, seed, alg, hidden, batch, testSize, checkEvery, patience, maxIterations,
                solvedError, bptt, lra);
    }
}
