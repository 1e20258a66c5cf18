package org.lrasweep.sweep.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrasweep.sweep.adaptive.SelectionRules.Arm;
import org.lrasweep.sweep.adaptive.SelectionRules.Decision;

/** The adaptive-seed decision rules on hand-made counts. */
class SelectionRulesTest {
    private static final SelectionRules RULES = new SelectionRules(4, 0.15, true, 40);

    private static Arm arm(String id, int seeds, int solved) {
        return new Arm(id, "g", seeds, seeds, solved, Double.NaN, Double.NaN);
    }

    private static Decision decision(List<Arm> arms, String id) {
        return RULES.decide(arms).stream().filter(v -> v.arm().configId().equals(id)).findFirst().orElseThrow().decision();
    }

    @Test
    void noDecisionBeforeMinSeeds() {
        // 0 of 3 against a leader at 3 of 3: too early for either.
        assertEquals(Decision.CONTINUE, decision(List.of(arm("a", 3, 0), arm("b", 3, 3)), "a"));
    }

    @Test
    void aConfigurationWhoseUpperBoundIsBelowTheLeadersLowerBoundIsDominated() {
        // Wilson 95%: 0/4 is [0, 0.490]; 4/4 is [0.510, 1].
        List<Arm> arms = List.of(arm("hopeless", 4, 0), arm("leader", 4, 4));
        SelectionRules.Verdict v = RULES.decide(arms).get(0);
        assertEquals(Decision.DOMINATED, v.decision());
        assertEquals("leader", v.leader());
        assertEquals(0.490, v.high(), 5e-4);
        assertEquals(Decision.CONTINUE, decision(arms, "leader"), "4/4 is [0.51, 1]: not yet precise");
        // 1/4 is [0.046, 0.699]: above the leader's lower bound, so it goes on.
        assertEquals(Decision.CONTINUE, decision(List.of(arm("maybe", 4, 1), arm("leader", 4, 4)), "maybe"));
        // Without dropping, the same counts continue.
        assertEquals(Decision.CONTINUE, new SelectionRules(4, 0.15, false, 40).decide(arms).get(0).decision());
    }

    @Test
    void aNarrowIntervalBelowTheLeadersRateIsPreciseAndAnExhaustedPoolIsMaxSeeds() {
        // Without dropping (so that dominance does not decide first): 0/12 is [0, 0.243], half-width
        // 0.121 <= 0.15, below the leader's 0.5: precise; 0/8 is [0, 0.324], half-width 0.162: not yet.
        SelectionRules keep = new SelectionRules(4, 0.15, false, 80);
        Arm leader = arm("leader", 40, 20);
        assertEquals(Decision.PRECISE, keep.decide(List.of(arm("a", 12, 0), leader)).get(0).decision());
        assertEquals(Decision.CONTINUE, keep.decide(List.of(arm("a", 8, 0), leader)).get(0).decision());
        // 20/40 is [0.352, 0.648], half-width 0.148, but the leader itself is never stopped as precise;
        // a contender as precise whose upper bound reaches the leader's rate goes on too.
        assertEquals(Decision.CONTINUE, keep.decide(List.of(leader)).get(0).decision());
        assertEquals(Decision.CONTINUE, keep.decide(List.of(arm("close", 40, 19), leader)).get(0).decision());
        // The pool exhausted: 3 of 5 seeds on a pool of 5.
        assertEquals(Decision.MAX_SEEDS, new SelectionRules(4, 0.15, true, 5).decide(List.of(arm("a", 5, 3))).get(0).decision());
    }

    @Test
    void groupsCompeteOnlyWithinThemselves() {
        Arm hopeless = new Arm("a", "temporal-order|20|bptt", 4, 4, 0, Double.NaN, 0.5);
        Arm leaderElsewhere = new Arm("b", "temporal-order|20|lra-local", 4, 4, 4, Double.NaN, 1.0);
        assertEquals(Decision.CONTINUE, RULES.decide(List.of(hopeless, leaderElsewhere)).get(0).decision());
        assertNull(RULES.decide(List.of(hopeless, leaderElsewhere)).get(0).leader());
    }

    @Test
    void theWinnerHasTheHighestLowerBoundThenFewerIterationsThenTheSmallerId() {
        Arm fewSeeds = arm("a", 4, 4);         // [0.510, 1]
        Arm manySeeds = arm("b", 20, 18);      // [0.699, 0.972]: a higher lower bound wins over a higher rate
        assertEquals("b", SelectionRules.winner(List.of(fewSeeds, manySeeds)).orElseThrow().configId());
        Arm slow = new Arm("c", "g", 20, 20, 18, 900, 0.95);
        Arm fast = new Arm("d", "g", 20, 20, 18, 300, 0.9);
        assertEquals("d", SelectionRules.winner(List.of(slow, fast)).orElseThrow().configId());
        assertEquals("b", SelectionRules.winner(List.of(arm("c", 20, 18), manySeeds)).orElseThrow().configId());
    }

    @Test
    void whenNoArmSolvedAnythingTheOneThatCameClosestWins() {
        // The replication study's temporal order at T = 20: with the config id as the only tie-break,
        // LRA released sent a configuration at 0.35 mean best accuracy (chance is 0.25) to
        // confirmation, over one at 0.82.
        Arm atChance = new Arm("0a", "g", 8, 8, 0, Double.NaN, 0.35);
        Arm close = new Arm("ff", "g", 8, 8, 0, Double.NaN, 0.82);
        Arm unknown = new Arm("00", "g", 8, 8, 0, Double.NaN, Double.NaN);
        assertEquals("ff", SelectionRules.winner(List.of(atChance, close, unknown)).orElseThrow().configId());
        assertEquals("0a", SelectionRules.winner(List.of(atChance, unknown)).orElseThrow().configId());
        // Accuracy never outranks solving: one solved seed beats a better mean accuracy without any.
        Arm oneSolved = new Arm("zz", "g", 8, 8, 1, 4000, 0.5);
        assertEquals("zz", SelectionRules.winner(List.of(close, oneSolved)).orElseThrow().configId());
    }

    @Test
    void decisionsArePureFunctionsOfTheCountsWhateverTheirOrder() {
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            arms.add(arm("c" + i, 4 + (i % 3) * 4, i % 5));
        }
        List<String> first = RULES.decide(arms).stream().map(v -> v.arm().configId() + "=" + v.decision() + "/" + v.leader()).sorted().toList();
        Collections.reverse(arms);
        List<String> again = RULES.decide(arms).stream().map(v -> v.arm().configId() + "=" + v.decision() + "/" + v.leader()).sorted().toList();
        assertEquals(first, again);
    }

    @Test
    void malformedRulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SelectionRules(0, 0.15, true, 40));
        assertThrows(IllegalArgumentException.class, () -> new SelectionRules(8, 0.15, true, 4));
        assertThrows(IllegalArgumentException.class, () -> new SelectionRules(4, 0, true, 40));
    }
}
