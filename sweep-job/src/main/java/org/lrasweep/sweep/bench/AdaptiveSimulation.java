package org.lrasweep.sweep.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.lrasweep.sweep.adaptive.SelectionRules;
import org.lrasweep.sweep.analysis.WilsonInterval;

/**
 * The adaptive-seed rules on configurations with known success probabilities, without Spark or
 * training (bench/adaptive-simulation.sh): one group of 48 configurations shaped like a paper grid
 * (40 near 0, eight between 0.3 and 0.95), a pool of 40 seeds dealt in waves of 4, decisions after
 * every complete wave ({@link SelectionRules}), then the winner on 20 fresh confirmation seeds.
 * Over 1,000 replicates it reports the trials used against running every configuration on the
 * whole pool, how often the winner is within 0.05 of the best, and how often the confirmation's
 * 95% Wilson interval covers the winner's true probability.
 *
 * <p>Usage: {@code AdaptiveSimulation [REPLICATES [SEED]]}.
 */
public final class AdaptiveSimulation {
    /** The grid's true success probabilities. */
    static final double[] TRUTH = truth();
    static final int POOL = 40;
    static final int WAVE = 4;
    static final int CONFIRM = 20;
    static final double CLOSE_TO_BEST = 0.05;

    private AdaptiveSimulation() {
    }

    private static double[] truth() {
        double[] p = new double[48];
        for (int i = 0; i < 40; i++) {
            p[i] = 0.05 * i / 39; // 0 to 0.05: the hopeless bulk of a grid
        }
        double[] good = {0.3, 0.45, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95};
        System.arraycopy(good, 0, p, 40, good.length);
        return p;
    }

    /** What one replicate did. */
    record Replicate(int trials, double winnerTruth, boolean covered) {
    }

    /** One adaptive selection and confirmation on the grid, with its own random stream. */
    static Replicate replicate(SelectionRules rules, double[] truth, SplittableRandom rng) {
        int n = truth.length;
        int[] seeds = new int[n];
        int[] solved = new int[n];
        boolean[] live = new boolean[n];
        Arrays.fill(live, true);
        int trials = 0;
        while (true) {
            boolean any = false;
            for (int c = 0; c < n; c++) {
                if (live[c]) {
                    any = true;
                    for (int s = 0; s < WAVE && seeds[c] < POOL; s++) {
                        seeds[c]++;
                        solved[c] += rng.nextDouble() < truth[c] ? 1 : 0;
                        trials++;
                    }
                }
            }
            if (!any) {
                break;
            }
            List<SelectionRules.Verdict> verdicts = rules.decide(arms(seeds, solved));
            for (int c = 0; c < n; c++) {
                if (verdicts.get(c).decision() != SelectionRules.Decision.CONTINUE) {
                    live[c] = false;
                }
            }
        }
        SelectionRules.Arm winner = SelectionRules.winner(arms(seeds, solved)).orElseThrow();
        double p = truth[Integer.parseInt(winner.configId())];
        int confirmed = 0;
        for (int s = 0; s < CONFIRM; s++) {
            confirmed += rng.nextDouble() < p ? 1 : 0;
        }
        double[] ci = WilsonInterval.of(confirmed, CONFIRM);
        return new Replicate(trials + CONFIRM, p, ci[0] <= p && p <= ci[1]);
    }

    private static List<SelectionRules.Arm> arms(int[] seeds, int[] solved) {
        List<SelectionRules.Arm> arms = new ArrayList<>();
        for (int c = 0; c < seeds.length; c++) {
            arms.add(new SelectionRules.Arm(String.valueOf(c), "grid", seeds[c], solved[c], Double.NaN));
        }
        return arms;
    }

    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        SelectionRules rules = new SelectionRules(4, 0.15, true, POOL);
        SplittableRandom root = new SplittableRandom(seed);
        double best = Arrays.stream(TRUTH).max().orElseThrow();
        long trials = 0;
        int close = 0;
        int covered = 0;
        int[] used = new int[replicates];
        for (int r = 0; r < replicates; r++) {
            Replicate rep = replicate(rules, TRUTH, root.split());
            trials += rep.trials();
            used[r] = rep.trials();
            close += best - rep.winnerTruth() <= CLOSE_TO_BEST + 1e-12 ? 1 : 0;
            covered += rep.covered() ? 1 : 0;
        }
        int full = TRUTH.length * POOL + CONFIRM;
        Arrays.sort(used);
        System.out.printf("adaptive simulation: %d replicates, 48 configurations (40 at 0 to 0.05; 0.3, 0.45, 0.6, 0.7, 0.8, "
                + "0.85, 0.9, 0.95), pool %d, wave %d, min-seeds 4, half-width 0.15, confirmation %d seeds%n", replicates, POOL, WAVE,
                CONFIRM);
        System.out.printf("| trials used, mean [min, max] | full pool + confirmation | fewer by | winner within %.2f of the best | "
                + "confirmation coverage (95%% Wilson) |%n|---|---|---|---|---|%n", CLOSE_TO_BEST);
        System.out.printf("| %.1f [%d, %d] | %d | %.2fx | %.3f | %.3f |%n", (double) trials / replicates, used[0], used[replicates - 1],
                full, full / ((double) trials / replicates), (double) close / replicates, (double) covered / replicates);
    }
}
