package org.lrasweep.sweep.adaptive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lrasweep.sweep.adaptive.SelectionRules.Arm;
import org.lrasweep.sweep.adaptive.SelectionRules.Decision;
import org.lrasweep.sweep.adaptive.SelectionRules.Verdict;

/**
 * Where an adaptive sweep stands, replayed from the counts of its committed trials: a pure
 * function, so a driver that died and was resubmitted on the same output reaches the same wave with
 * the same decisions. Wave k asks every configuration still live after wave k - 1 for the first
 * {@code min(k * wave, pool)} seeds of the pool. A wave is complete when every live configuration
 * has committed all of them; then {@link SelectionRules} decide, from the counts over exactly those
 * seeds (never from seeds beyond them, which an earlier sweep on the same output may have run). The
 * first incomplete wave is the one to run. When no configuration is live, each group's winner is
 * chosen ({@link SelectionRules#WINNER}).
 */
public final class Allocation {
    /**
     * A configuration of the sweep.
     *
     * @param configId its id
     * @param group    its group ({@link AdaptiveSettings#group})
     * @param method   its method, as tables name it
     * @param label    its label, as tables name it
     */
    public record Candidate(String configId, String group, String method, String label) {
    }

    /**
     * A configuration's committed trials among the first seeds of the pool.
     *
     * @param tried            trials committed
     * @param failed           of which {@code failed} (the trial threw)
     * @param solved           of which solved
     * @param medianIterations median iterations to solve of the solved ones, NaN if none
     * @param meanBestAccuracy mean best test accuracy of the trials that ran to a protocol outcome, NaN if none
     */
    public record Count(int tried, int failed, int solved, double medianIterations, double meanBestAccuracy) {
        static final Count NONE = new Count(0, 0, 0, Double.NaN, Double.NaN);
    }

    /**
     * One row of the allocation table: a configuration at the end of a complete wave it was live in.
     *
     * @param wave     the wave (from 1)
     * @param pool     seeds in the selection pool
     * @param c        the configuration
     * @param count    its trials over the wave's seeds
     * @param low      95% Wilson lower bound of its success rate
     * @param high     upper bound
     * @param decision what the rules decided
     * @param leader   the group leader's config id, for {@code dominated}
     * @param winner   whether it won its group (known once selection is over)
     */
    public record Row(int wave, int pool, Candidate c, Count count, double low, double high, Decision decision, String leader,
                      boolean winner) {
        /** Trials that ran to a protocol outcome. */
        public int seeds() {
            return count.tried() - count.failed();
        }
    }

    private final List<Row> rows;
    private final int wave;
    private final int prefix;
    private final List<String> live;
    private final Map<String, String> winners;
    private final int allocated;
    private final int saved;

    private Allocation(List<Row> rows, int wave, int prefix, List<String> live, Map<String, String> winners, int allocated, int saved) {
        this.rows = rows;
        this.wave = wave;
        this.prefix = prefix;
        this.live = live;
        this.winners = winners;
        this.allocated = allocated;
        this.saved = saved;
    }

    /**
     * Replays the selection.
     *
     * @param configs  the sweep's configurations, in spec order
     * @param counts   per config id and wave k (from 1), its committed trials among the first
     *                 {@code min(k * wave, pool)} seeds of the pool; absent = none
     * @param settings the adaptive settings
     * @param pool     seeds in the selection pool
     */
    public static Allocation replay(List<Candidate> configs, Map<String, Map<Integer, Count>> counts, AdaptiveSettings settings,
                                    int pool) {
        SelectionRules rules = settings.rules(pool);
        int waves = (pool + settings.wave() - 1) / settings.wave();
        List<Candidate> live = new ArrayList<>(configs);
        Map<String, Arm> stopped = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> stoppedAt = new HashMap<>();
        for (int k = 1; k <= waves && !live.isEmpty(); k++) {
            int prefix = Math.min(k * settings.wave(), pool);
            int wave = k;
            if (live.stream().anyMatch(c -> count(counts, c, wave).tried() < prefix)) {
                int saved = stoppedAt.values().stream().mapToInt(t -> pool - t).sum();
                int allocated = stoppedAt.values().stream().mapToInt(Integer::intValue).sum() + live.size() * prefix;
                return new Allocation(rows, k, prefix, live.stream().map(Candidate::configId).toList(), Map.of(), allocated, saved);
            }
            List<Arm> arms = new ArrayList<>(stopped.values());
            for (Candidate c : live) {
                arms.add(arm(c, count(counts, c, k)));
            }
            Map<String, Verdict> verdicts = new HashMap<>();
            rules.decide(arms).forEach(v -> verdicts.put(v.arm().configId(), v));
            List<Candidate> next = new ArrayList<>();
            for (Candidate c : live) {
                Verdict v = verdicts.get(c.configId());
                rows.add(new Row(k, pool, c, count(counts, c, k), v.low(), v.high(), v.decision(), v.leader(), false));
                if (v.decision() == Decision.CONTINUE) {
                    next.add(c);
                } else {
                    stopped.put(c.configId(), v.arm());
                    stoppedAt.put(c.configId(), prefix);
                }
            }
            live = next;
        }
        Map<String, List<Arm>> byGroup = new TreeMap<>();
        stopped.values().forEach(a -> byGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(a));
        Map<String, String> winners = new TreeMap<>();
        byGroup.forEach((g, arms) -> winners.put(g, SelectionRules.winner(arms).orElseThrow().configId()));
        Set<String> won = Set.copyOf(winners.values());
        List<Row> marked = rows.stream().map(r -> new Row(r.wave(), r.pool(), r.c(), r.count(), r.low(), r.high(), r.decision(),
                r.leader(), won.contains(r.c().configId()))).toList();
        int allocated = stoppedAt.values().stream().mapToInt(Integer::intValue).sum();
        return new Allocation(marked, 0, 0, List.of(), winners, allocated, configs.size() * pool - allocated);
    }

    private static Count count(Map<String, Map<Integer, Count>> counts, Candidate c, int wave) {
        return counts.getOrDefault(c.configId(), Map.of()).getOrDefault(wave, Count.NONE);
    }

    private static Arm arm(Candidate c, Count n) {
        return new Arm(c.configId(), c.group(), n.tried(), n.tried() - n.failed(), n.solved(), n.medianIterations(),
                n.meanBestAccuracy());
    }

    /** The allocation table so far: a row per configuration and complete wave it was live in. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether selection is over (no configuration is live). */
    public boolean complete() {
        return live.isEmpty();
    }

    /** The wave to run now (from 1); 0 once selection is over. */
    public int wave() {
        return wave;
    }

    /** The pool seeds every live configuration needs committed for the current wave. */
    public int prefix() {
        return prefix;
    }

    /** The configurations still getting seeds. */
    public List<String> live() {
        return live;
    }

    /** Each group's winner by config id, once selection is over; empty before. */
    public Map<String, String> winners() {
        return winners;
    }

    /** Selection trials the design asks for so far: stopped configurations' seeds and the current wave's for the live ones. */
    public int allocated() {
        return allocated;
    }

    /** Selection trials saved so far against giving every configuration the whole pool. */
    public int saved() {
        return saved;
    }
}
