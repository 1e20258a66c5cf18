package org.lrasweep.sweep.adaptive;

import org.lrasweep.sweep.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a configuration of an adaptive sweep stops getting seeds, and which configuration of a group
 * wins: a pure function of the counts committed so far, so that a resumed driver decides exactly as
 * an uninterrupted one. A configuration keeps getting seeds until one of these holds, checked in
 * this order once it has at least {@code minSeeds}:
 * <ol>
 *   <li>{@code dominated}: the upper bound of its 95% Wilson interval is below the lower bound of
 *       its group's leader (the configuration with the highest lower bound), when {@code dropDominated};</li>
 *   <li>{@code precise}: its Wilson interval's half-width is at most {@code halfWidth}, and its
 *       upper bound is below the leader's observed rate (the leader itself is never stopped
 *       as precise);</li>
 *   <li>{@code max-seeds}: it has run the whole pool.</li>
 * </ol>
 * The two conditions on {@code precise} beyond the half-width keep the winner's contenders running:
 * with the half-width alone, the top configurations of a grid stop at about a dozen seeds each,
 * where 0.85 and 0.95 cannot be told apart, and the simulation (bench/adaptive-simulation.sh) picks
 * a winner within 0.05 of the best in 70% of replicates instead of 90%. These stopped estimates
 * come from optional stopping and serve the allocation only; the claims a study makes are the
 * winners' estimates on fresh confirmation seeds.
 *
 * @param minSeeds      no decision before this many seeds
 * @param halfWidth     the precision that stops a configuration
 * @param dropDominated whether a configuration clearly below its group's leader stops
 * @param poolSize      the seeds in the selection pool
 */
public record SelectionRules(int minSeeds, double halfWidth, boolean dropDominated, int poolSize) {
    /** A decision about one configuration. */
    public enum Decision {
        CONTINUE("continue"), PRECISE("precise"), DOMINATED("dominated"), MAX_SEEDS("max-seeds");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        /** The name in the allocation table. */
        public String label() {
            return label;
        }
    }

    /**
     * A configuration's record so far.
     *
     * @param configId          its id
     * @param group             who it competes with (the same value for every member of a group)
     * @param tried             seeds of the pool it has run
     * @param seeds             of which ran to a protocol outcome: the rate's denominator (a trial that
     *                          threw, status {@code failed}, is neither a success nor a failure of the method)
     * @param solved            of which solved
     * @param medianIterations  median iterations to solve of its solved seeds, NaN if none
     * @param meanBestAccuracy  mean best test accuracy of its seeds, NaN if none: how close the
     *                          configuration came, which alone tells apart arms that solved nothing
     */
    public record Arm(String configId, String group, int tried, int seeds, int solved, double medianIterations,
                      double meanBestAccuracy) {
        double[] wilson() {
            return seeds == 0 ? new double[] {0, 1} : WilsonInterval.of(solved, seeds);
        }
    }

    /**
     * The decision about one arm.
     *
     * @param arm      the arm decided
     * @param decision what happens to it
     * @param leader   the group leader's config id, for {@code dominated}; null otherwise
     * @param low      its Wilson lower bound
     * @param high     its Wilson upper bound
     */
    public record Verdict(Arm arm, Decision decision, String leader, double low, double high) {
    }

    public SelectionRules {
        if (minSeeds < 1 || poolSize < minSeeds || !(halfWidth > 0 && halfWidth < 0.5)) {
            throw new IllegalArgumentException("selection rules: need 1 <= min-seeds <= pool size and 0 < half-width < 0.5, got "
                    + minSeeds + ", " + poolSize + ", " + halfWidth);
        }
    }

    /** The decisions about every arm, given every arm's counts (stopped ones included: they can lead). */
    public List<Verdict> decide(List<Arm> arms) {
        Map<String, Arm> leaders = new HashMap<>();
        for (Arm a : arms) {
            if (a.seeds() >= minSeeds) {
                leaders.merge(a.group(), a, (x, y) -> WINNER.compare(x, y) <= 0 ? x : y);
            }
        }
        List<Verdict> out = new ArrayList<>();
        for (Arm a : arms) {
            double[] ci = a.wilson();
            Decision d = Decision.CONTINUE;
            String leader = null;
            Arm best = leaders.get(a.group());
            if (a.seeds() >= minSeeds && best != a && best != null) {
                if (dropDominated && ci[1] < best.wilson()[0]) {
                    d = Decision.DOMINATED;
                    leader = best.configId();
                } else if ((ci[1] - ci[0]) / 2 <= halfWidth && ci[1] < (double) best.solved() / best.seeds()) {
                    d = Decision.PRECISE;
                }
            }
            if (d == Decision.CONTINUE && a.tried() >= poolSize) {
                d = Decision.MAX_SEEDS;
            }
            out.add(new Verdict(a, d, leader, ci[0], ci[1]));
        }
        return out;
    }

    /**
     * The order that picks a group's winner: highest Wilson lower bound, then fewer iterations to
     * solve, then higher mean best accuracy, then config id. Without the accuracy, a group whose
     * arms all solved nothing (common at long lengths) would send its first config id to
     * confirmation, possibly one stuck at chance while another came within a few percent.
     */
    public static final Comparator<Arm> WINNER = Comparator.comparingDouble((Arm a) -> -a.wilson()[0])
            .thenComparingDouble(a -> Double.isNaN(a.medianIterations()) ? Double.MAX_VALUE : a.medianIterations())
            .thenComparingDouble(a -> Double.isNaN(a.meanBestAccuracy()) ? Double.MAX_VALUE : -a.meanBestAccuracy())
            .thenComparing(Arm::configId);

    /**
     * The fewest seeds at which any rule can stop a configuration, whatever the outcomes: {@code
     * dominated} needs 0/n's Wilson upper bound below n/n's lower bound (n = 4 at 95%),
     * {@code precise} a half-width at most {@code halfWidth}, narrowest at 0/n or n/n (n = 9 for
     * 0.15). {@link Integer#MAX_VALUE} when neither is reachable.
     */
    public static int earliestStop(double halfWidth, boolean dropDominated) {
        for (int n = 1; n <= 100_000; n++) {
            double upperOfNone = WilsonInterval.of(0, n)[1];
            if (dropDominated && upperOfNone < WilsonInterval.of(n, n)[0] || upperOfNone / 2 <= halfWidth) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The winner of a group's arms, by {@link #WINNER}. */
    public static Optional<Arm> winner(List<Arm> group) {
        return group.stream().min(WINNER);
    }
}
