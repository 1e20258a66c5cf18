package org.lrasweep.sweep.bench;

import org.lrasweep.sweep.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.HashMap;
import java.util.Map;
import org.lrasweep.sweep.adaptive.AdaptiveSettings;
import org.lrasweep.sweep.adaptive.Allocation;

/**
 * The adaptive-seed rules on configurations with known success probabilities, without Spark or
 * training (bench/adaptive-simulation.sh): one group of 48 configurations shaped like a paper grid
 * (40 near 0, eight between 0.3 and 0.95), a pool of 40 seeds dealt in waves of 4, decisions after
 * every complete wave ({@link Allocation#replay}, the driver's own), then the winner on 20 fresh confirmation seeds.
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

    /**
     * One adaptive selection and confirmation on the grid, with its own random stream: the driver's
     * own replay ({@link Allocation#replay}) decides, and a simulated executor commits what each
     * wave asks for.
     */
    static Replicate replicate(AdaptiveSettings settings, double[] truth, SplittableRandom rng) {
        int n = truth.length;
        boolean[][] solved = new boolean[n][POOL];
        for (int c = 0; c < n; c++) {
            for (int s = 0; s < POOL; s++) {
                solved[c][s] = rng.nextDouble() < truth[c];
            }
        }
        List<Allocation.Candidate> configs = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            configs.add(new Allocation.Candidate(String.valueOf(c), "grid", "m", "c" + c));
        }
        int[] committed = new int[n];
        Allocation a;
        while (!(a = Allocation.replay(configs, counts(solved, committed), settings, POOL)).complete()) {
            for (String id : a.live()) {
                committed[Integer.parseInt(id)] = a.prefix();
            }
        }
        double p = truth[Integer.parseInt(a.winners().get("grid"))];
        int confirmed = 0;
        for (int s = 0; s < CONFIRM; s++) {
            confirmed += rng.nextDouble() < p ? 1 : 0;
        }
        double[] ci = WilsonInterval.of(confirmed, CONFIRM);
        return new Replicate(a.allocated() + CONFIRM, p, ci[0] <= p && p <= ci[1]);
    }

    /** What the trials table would say: per configuration and wave, its committed trials among the wave's seeds. */
    private static Map<String, Map<Integer, Allocation.Count>> counts(boolean[][] solved, int[] committed) {
        Map<String, Map<Integer, Allocation.Count>> out = new HashMap<>();
        for (int c = 0; c < solved.length; c++) {
            Map<Integer, Allocation.Count> byWave = new HashMap<>();
            for (int k = 1; (k - 1) * WAVE < POOL; k++) {
                int tried = Math.min(committed[c], Math.min(k * WAVE, POOL));
                int wins = 0;
                for (int s = 0; s < tried; s++) {
                    wins += solved[c][s] ? 1 : 0;
                }
                byWave.put(k, new Allocation.Count(tried, 0, wins, Double.NaN, Double.NaN));
            }
            out.put(String.valueOf(c), byWave);
        }
        return out;
    }

    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        AdaptiveSettings settings = new AdaptiveSettings(WAVE, 4, 0.15, true, List.of("method"), List.of());
        SplittableRandom root = new SplittableRandom(seed);
        double best = Arrays.stream(TRUTH).max().orElseThrow();
        long trials = 0;
        int close = 0;
        int covered = 0;
        int[] used = new int[replicates];
        for (int r = 0; r < replicates; r++) {
            Replicate rep = replicate(settings, TRUTH, root.split());
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
