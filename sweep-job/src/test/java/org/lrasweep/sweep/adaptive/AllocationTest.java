package org.lrasweep.sweep.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrasweep.sweep.adaptive.Allocation.Candidate;
import org.lrasweep.sweep.adaptive.Allocation.Count;
import org.lrasweep.sweep.adaptive.SelectionRules.Decision;

/** The replay of an adaptive selection from hand-made counts: waves, decisions, winners. */
class AllocationTest {
    /** Waves of 2 seeds, decisions from 2, a pool of 6: waves ask for 2, 4, then 6 seeds. */
    private static final AdaptiveSettings SETTINGS = new AdaptiveSettings(2, 2, 0.15, true, List.of("method"), List.of(100L));
    private static final List<Candidate> CONFIGS = List.of(new Candidate("a", "g", "m", "A"), new Candidate("b", "g", "m", "B"),
            new Candidate("c", "h", "m", "C"));

    /** Counts where each config has its outcomes on the pool's seeds committed up to `committed` seeds (1 = solved). */
    private static Map<String, Map<Integer, Count>> counts(Map<String, int[]> outcomes, Map<String, Integer> committed) {
        Map<String, Map<Integer, Count>> out = new HashMap<>();
        outcomes.forEach((id, o) -> {
            for (int k = 1; k <= 3; k++) {
                int tried = Math.min(committed.get(id), 2 * k);
                int solved = 0;
                for (int s = 0; s < tried; s++) {
                    solved += o[s];
                }
                out.computeIfAbsent(id, x -> new HashMap<>()).put(k, new Count(tried, 0, solved, solved > 0 ? 100.0 : Double.NaN, Double.NaN));
            }
        });
        return out;
    }

    private static final Map<String, int[]> OUTCOMES = Map.of("a", new int[] {1, 1, 1, 1, 1, 1}, "b", new int[] {0, 0, 0, 0, 0, 0},
            "c", new int[] {1, 0, 1, 0, 1, 0});

    private static Allocation replay(int a, int b, int c) {
        return Allocation.replay(CONFIGS, counts(OUTCOMES, Map.of("a", a, "b", b, "c", c)), SETTINGS, 6);
    }

    @Test
    void nothingCommittedAsksForTheFirstWave() {
        Allocation x = Allocation.replay(CONFIGS, Map.of(), SETTINGS, 6);
        assertEquals(1, x.wave());
        assertEquals(2, x.prefix());
        assertEquals(List.of("a", "b", "c"), x.live());
        assertEquals(6, x.allocated());
        assertTrue(x.rows().isEmpty());
        assertFalse(x.complete());
    }

    @Test
    void aWaveIsDecidedOnlyWhenEveryLiveConfigurationHasAllItsSeeds() {
        Allocation partial = replay(2, 1, 2);
        assertEquals(1, partial.wave(), "b lacks a seed of wave 1");
        assertTrue(partial.rows().isEmpty());
        // 2/2 against 0/2: the intervals still overlap, everything continues.
        Allocation second = replay(2, 2, 2);
        assertEquals(2, second.wave());
        assertEquals(4, second.prefix());
        assertEquals(3, second.rows().size());
        assertTrue(second.rows().stream().allMatch(r -> r.decision() == Decision.CONTINUE));
    }

    @Test
    void aDominatedConfigurationStopsAndTheRestRunTheWholePool() {
        // After wave 2: a 4/4 (lower bound 0.51), b 0/4 (upper bound 0.49): b is dominated by a.
        Allocation third = replay(4, 4, 4);
        assertEquals(3, third.wave());
        assertEquals(List.of("a", "c"), third.live());
        Allocation.Row b = third.rows().stream().filter(r -> r.c().configId().equals("b") && r.wave() == 2).findFirst().orElseThrow();
        assertEquals(Decision.DOMINATED, b.decision());
        assertEquals("a", b.leader());
        assertEquals(2, third.saved(), "b stopped two seeds short of the pool");
        // The trials b would get beyond its stop are never asked for, whatever else is committed.
        Allocation done = replay(6, 4, 6);
        assertTrue(done.complete());
        assertEquals(Map.of("g", "a", "h", "c"), done.winners());
        assertEquals(16, done.allocated());
        assertEquals(2, done.saved());
        assertTrue(done.rows().stream().filter(r -> r.wave() == 3).allMatch(r -> r.decision() == Decision.MAX_SEEDS));
        assertTrue(done.rows().stream().allMatch(r -> r.winner() == !r.c().configId().equals("b")));
        assertEquals(replay(6, 6, 6).rows(), done.rows(), "seeds beyond a stop change nothing");
    }

    @Test
    void theSameCountsGiveTheSameDecisions() {
        for (int[] at : new int[][] {{2, 2, 2}, {4, 4, 4}, {6, 4, 6}, {3, 2, 2}}) {
            assertEquals(replay(at[0], at[1], at[2]).rows(), replay(at[0], at[1], at[2]).rows());
            assertEquals(replay(at[0], at[1], at[2]).live(), replay(at[0], at[1], at[2]).live());
        }
    }

    @Test
    void failedTrialsCountAsTriedButNotInTheRate() {
        Map<String, Map<Integer, Count>> counts = new HashMap<>();
        counts.put("a", Map.of(1, new Count(2, 2, 0, Double.NaN, Double.NaN)));
        counts.put("b", Map.of(1, new Count(2, 0, 1, 50.0, 0.9)));
        counts.put("c", Map.of(1, new Count(2, 0, 0, Double.NaN, 0.5)));
        Allocation x = Allocation.replay(CONFIGS, counts, SETTINGS, 6);
        assertEquals(2, x.wave(), "wave 1 is complete: the failed trials were tried");
        Allocation.Row a = x.rows().get(0);
        assertEquals(0, a.seeds());
        assertEquals(Decision.CONTINUE, a.decision(), "no decision without min-seeds outcomes");
    }
}
