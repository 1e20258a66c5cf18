package org.lrasweep.sweep.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A regularized LRA configuration run both with the Omega guard ({@code lra.omega-guard = on}, this
 * tool's default) and without it (the authors' arithmetic), seed by seed: where the guard skipped
 * an Omega term whose error signal was exactly zero, did the unguarded run end in NaN, and how long
 * after the guarded run's first skip. Where the guard never fired the two runs compute the same
 * numbers, so their outcomes must agree; {@link #agreeWithoutGuard} counts the seeds where they do.
 *
 * @param guarded   the configuration with the guard on
 * @param guardOff  its twin with the guard off, every other setting equal
 * @param seeds     the seeds both ran, one entry each, ascending
 */
public record GuardPair(ConfigurationSummary guarded, ConfigurationSummary guardOff, List<Seed> seeds) {

    /**
     * One seed's two runs.
     *
     * @param seed             the seed
     * @param guardedStatus    how the guarded run ended
     * @param guardFirst       the iteration of the guarded run's first skip; -1 where the guard never fired (or was not recorded)
     * @param guardEvents      Omega terms the guarded run skipped
     * @param guardedMistakes  the guarded run's best mistakes (-1 where no check ran)
     * @param offStatus        how the unguarded run ended ({@code diverged} where it reached NaN)
     * @param offStoppedAt     the iteration at which the unguarded run was solved or stopped
     * @param offMistakes      the unguarded run's best mistakes (-1 where no check ran)
     */
    public record Seed(long seed, String guardedStatus, int guardFirst, long guardEvents, long guardedMistakes, String offStatus,
                       int offStoppedAt, long offMistakes) {
        /** Whether the guard fired in the guarded run. */
        public boolean fired() {
            return guardEvents > 0;
        }

        /** Whether the unguarded run ended in NaN. */
        public boolean offDiverged() {
            return "diverged".equals(offStatus);
        }
    }

    /** Every configuration with the guard off and a guarded twin among the summaries, each pair on the seeds both ran, in the paper's order. */
    public static List<GuardPair> of(List<ConfigurationSummary> summaries) {
        Map<List<Object>, ConfigurationSummary> guardedBySettings = new HashMap<>();
        summaries.stream().filter(s -> s.config().isLra() && !s.config().isGuardOff() && s.outcomes().size() > 0)
                .forEach(s -> guardedBySettings.put(s.config().withoutGuard(), s));
        List<GuardPair> out = new ArrayList<>();
        summaries.stream().filter(s -> s.config().isGuardOff() && s.outcomes().size() > 0)
                .sorted(java.util.Comparator.comparing(ConfigurationSummary::config, Configuration.PAPER_ORDER)).forEach(off -> {
                    ConfigurationSummary on = guardedBySettings.get(off.config().withoutGuard());
                    if (on != null) {
                        out.add(new GuardPair(on, off, seeds(on.outcomes(), off.outcomes())));
                    }
                });
        return out;
    }

    private static List<Seed> seeds(Outcomes on, Outcomes off) {
        List<Seed> out = new ArrayList<>();
        for (int i = 0; i < on.size(); i++) {
            int j = Arrays.binarySearch(off.seeds(), on.seeds()[i]);
            if (j >= 0) {
                out.add(new Seed(on.seeds()[i], on.status()[i], on.guardFirst()[i], on.guardEvents()[i], on.bestMistakes()[i], off.status()[j],
                        off.stoppedAt()[j], off.bestMistakes()[j]));
            }
        }
        return out;
    }

    /** Seeds where the guard fired in the guarded run. */
    public int fired() {
        return (int) seeds.stream().filter(Seed::fired).count();
    }

    /** Seeds where the guard fired and the unguarded run diverged. */
    public int firedAndDiverged() {
        return (int) seeds.stream().filter(s -> s.fired() && s.offDiverged()).count();
    }

    /** Seeds where the guard never fired yet the unguarded run diverged: not the guard's doing. */
    public int divergedWithoutGuard() {
        return (int) seeds.stream().filter(s -> !s.fired() && s.offDiverged()).count();
    }

    /** Seeds where the guard never fired and both runs ended alike (same status, same best mistakes), as identical arithmetic must. */
    public int agreeWithoutGuard() {
        return (int) seeds.stream().filter(s -> !s.fired() && s.guardedStatus().equals(s.offStatus())
                && s.guardedMistakes() == s.offMistakes()).count();
    }

    /**
     * For each seed where the guard fired, its first skip recorded, and the unguarded run diverged:
     * iterations from the guarded run's first skip to the unguarded run's stop (a run ends diverged
     * at the iteration whose loss is NaN, so 0 means it ended at the very iteration the guard first
     * skipped a term), ascending.
     */
    public int[] divergenceDelays() {
        return seeds.stream().filter(s -> s.fired() && s.offDiverged() && s.guardFirst() >= 0)
                .mapToInt(s -> s.offStoppedAt() - s.guardFirst()).sorted().toArray();
    }
}
