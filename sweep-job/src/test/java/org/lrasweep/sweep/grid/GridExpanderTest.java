package org.lrasweep.sweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.BpttSettings;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.sweep.spec.SpecParser;

class GridExpanderTest {
    static List<TrialSpec> expand(String hocon) {
        return GridExpander.expand(SpecParser.parse(ConfigFactory.parseString(
                "output = \"" + System.getProperty("java.io.tmpdir") + "/lra-grid\"\n" + hocon), List.of()));
    }

    @Test
    void algorithmScopedAxesExpandOnlyTheirAlgorithm() {
        List<TrialSpec> trials = expand("seeds = {from = 1, to = 3}\nlength = [10, 20]\nalgorithm = [bptt, lra]\n"
                + "lra.alpha = [0, 0.1, 1]\nlra.variant = [released, local]\nbptt.clip = [0, 1]");
        Map<Algorithm, Long> counts = trials.stream().collect(Collectors.groupingBy(t -> t.config().algorithm(), Collectors.counting()));
        assertEquals(2 * 2 * 3, counts.get(Algorithm.BPTT));         // lengths x clips x seeds
        assertEquals(2 * 3 * 2 * 3, counts.get(Algorithm.LRA));      // lengths x alphas x variants x seeds
        assertEquals(trials.size(), trials.stream().map(TrialSpec::trialId).distinct().count());
    }

    @Test
    void duplicateAxisValuesGiveOneTrial() {
        assertEquals(2, expand("seeds = [1, 1, 2]\nlength = [10, 10]\nalgorithm = bptt").size());
    }

    @Test
    void expansionIsAPureFunctionOfTheSpec() {
        String spec = "seeds = {from = 1, to = 4}\nlength = [10, 20]\nlra.alpha = [0, 1]";
        assertEquals(expand(spec), expand(spec));
    }

    @Test
    void addingSeedsOrValuesAddsTrialsAndKeepsEveryExistingId() {
        Set<String> small = ids(expand("seeds = [1, 2]\nlength = 10\nlra.alpha = 0"));
        Set<String> large = ids(expand("seeds = {from = 1, to = 5}\nlength = [10, 20]\nlra.alpha = [0, 1]"));
        assertTrue(large.containsAll(small));
        assertEquals(5 * 2 + 5 * 2 * 2, large.size());
    }

    @Test
    void trialIdsAreStableAndCanonical() {
        TrialConfig c = new TrialConfig("temporal-order", 20, 7, Algorithm.BPTT, 100, 20, 10000, 100, 30, 100000, 1e-4,
                new BpttSettings(0.1, 1.0, 0.0), null);
        // Pinned: a change here silently orphans every stored result, so it must be deliberate. The value
        // is the documented canonical form hashed independently (Python's hashlib.sha256, first 16 hex).
        assertEquals("b8af4b47a77c85d4", TrialId.of(c));
        // The documented canonical form, written out by hand: the pinned hash above is of exactly this text.
        assertEquals(String.join("\n", "algorithm=bptt", "batch=20", "bptt.alpha=0", "bptt.clip=1", "bptt.learning-rate=0.1",
                "check-every=100", "hidden=100", "length=20", "max-iterations=100000", "patience=30", "seed=7",
                "solved-error=0.0001", "task=temporal-order", "test-size=10000"), canonicalText(c));
        TrialConfig otherSeed = new TrialConfig("temporal-order", 20, 8, Algorithm.BPTT, 100, 20, 10000, 100, 30, 100000,
                1e-4, new BpttSettings(0.1, 1.0, 0.0), null);
        assertNotEquals(TrialId.of(c), TrialId.of(otherSeed));
        // 10 and 10.0 are the same setting.
        assertEquals(ids(expand("seeds = 1\nlra.beta = 10\nalgorithm = lra")), ids(expand("seeds = 1\nlra.beta = 10.0\nalgorithm = lra")));
    }

    @Test
    void aParameterDeclaredLaterEntersTheIdOnlyAwayFromItsDefault() {
        List<TrialSpec> trials = expand("seeds = 1\nalgorithm = lra\nlra.momentum = [0, 0.9]");
        assertEquals(2, trials.size());
        Set<String> before = ids(expand("seeds = 1\nalgorithm = lra"));
        assertEquals(before, Set.of(trials.get(0).trialId()), "momentum 0 is the trial stored before momentum existed");
        assertEquals("0.9", TrialId.canonicalParameters(trials.get(1).config()).get("lra.momentum"));
    }

    private static String canonicalText(TrialConfig c) {
        return TrialId.canonicalParameters(c).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static Set<String> ids(List<TrialSpec> trials) {
        return trials.stream().map(TrialSpec::trialId).collect(Collectors.toCollection(HashSet::new));
    }
}
