package org.lrasweep.kernel.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.TrialConfig;

class TrialParametersTest {
    @Test
    void keysAndColumnsAreUniqueAndColumnsAreTheKeysInSnakeCase() {
        Set<String> keys = new HashSet<>();
        Set<String> columns = new HashSet<>();
        for (Param<?> p : TrialParameters.ALL) {
            assertTrue(keys.add(p.key()), p.key());
            assertTrue(columns.add(p.column()), p.column());
            assertTrue(p.column().matches("[a-z][a-z0-9_]*"), p.column());
            assertEquals(p, TrialParameters.byKey(p.key()));
            assertEquals(p, TrialParameters.byColumn(p.column()));
        }
        assertEquals("lra_c", TrialParameters.LRA_C.column());
        assertEquals("test_size", TrialParameters.TEST_SIZE.column());
        assertEquals("bptt_learning_rate", TrialParameters.BPTT_LEARNING_RATE.column());
    }

    @Test
    void everyDefaultIsValidAndTheDefaultsMakeAConfigurationOfEitherAlgorithm() {
        for (Param<?> p : TrialParameters.ALL) {
            check(p);
        }
        for (Algorithm a : Algorithm.values()) {
            ParamValues v = ParamValues.defaults().with(TrialParameters.ALGORITHM, a.configName());
            TrialConfig c = v.toConfig();
            ParamValues back = c.values();
            for (Param<?> p : TrialParameters.ALL) {
                if (p.scope().appliesTo(a)) {
                    assertEquals(v.get(p), back.get(p), p.key());
                } else {
                    assertNull(back.get(p), p.key());
                }
            }
            assertEquals(c, back.toConfig());
        }
    }

    private static <T> void check(Param<T> p) {
        assertEquals(p.defaultValue(), p.check(p.defaultValue()), p.key());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "seed | 1.5 | seed: expected an integer, got 1.5 (not a whole number)",
        "seed | -1 | seed = -1: must be in [0, 4294967295]",
        "seed | 4294967296 | seed = 4294967296: must be in [0, 4294967295]",
        "length | 12.25 | length: expected an integer, got 12.25 (not a whole number)",
        "length | 3000000000 | length: expected an integer, got 3000000000 (out of range)",
        "length | ten | length: expected an integer, got 'ten'",
        "length | 9 | length = 9: must be >= 10",
        "lra.k | 0.5 | lra.k: expected an integer, got 0.5 (not a whole number)",
        "lra.beta | abc | lra.beta: expected a number, got 'abc'",
        "lra.beta | NaN | lra.beta: expected a number, got 'NaN'",
        "solved-error | 0 | solved-error = 0.0: must be in (0, 1]",
        "task | copy | task = copy: unknown (known: temporal-order, temporal-order-3bit, random-permutation, adding)",
        "algorithm | sgd | algorithm = sgd: unknown (known: bptt, lra)",
    })
    void parsingIsStrictAndErrorsNameTheKeyAndValue(String key, String raw, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrialParameters.byKey(key).parse(raw));
        assertEquals(message, e.getMessage());
    }

    @Test
    void typedSpecValuesAreParsedWithoutTruncation() {
        assertEquals(20, TrialParameters.LENGTH.parse(20));
        assertEquals(20, TrialParameters.LENGTH.parse(20.0));
        assertEquals(7L, TrialParameters.SEED.parse(7));
        assertEquals(4294967295L, TrialParameters.SEED.parse(4294967295L));
        assertEquals(10.0, TrialParameters.LRA_BETA.parse(10));
        assertEquals(1e-4, TrialParameters.SOLVED_ERROR.parse("1e-4"));
        assertThrows(IllegalArgumentException.class, () -> TrialParameters.SEED.parse(1.5));
        assertThrows(IllegalArgumentException.class, () -> TrialParameters.TASK.parse(3));
        assertThrows(IllegalArgumentException.class, () -> TrialParameters.LENGTH.parse(true));
    }

    @Test
    void canonicalNumbersArePlainDecimalsWithoutTrailingZeros() {
        assertEquals("10", TrialParameters.LRA_BETA.canonical(10.0));
        assertEquals("0.0001", TrialParameters.SOLVED_ERROR.canonical(1e-4));
        assertEquals("1000000000000000000000000000000", TrialParameters.BPTT_LEARNING_RATE.canonical(1e30));
        assertEquals("20", TrialParameters.LENGTH.canonical(20));
    }

    @Test
    void theCanonicalSetHasTheTrialsOwnAlgorithmsParametersOnly() {
        ParamValues bptt = ParamValues.defaults();
        assertEquals(Set.of("task", "length", "seed", "algorithm", "hidden", "batch", "test-size", "check-every", "patience",
                "max-iterations", "solved-error", "bptt.learning-rate", "bptt.clip", "bptt.alpha"), bptt.canonical(true).keySet());
        assertTrue(!bptt.canonical(false).containsKey("seed"));
        ParamValues lra = ParamValues.defaults().with(TrialParameters.ALGORITHM, "lra");
        assertTrue(lra.canonical(true).keySet().stream().noneMatch(k -> k.startsWith("bptt.")));
        assertEquals("released", lra.canonical(true).get("lra.variant"));
    }

    @Test
    void readmeShowsTheGeneratedParameterTable() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String block = ParamDocs.BEGIN + "\n" + ParamDocs.markdownTable() + ParamDocs.END;
        assertTrue(readme.contains(block), "README's parameter table is stale: regenerate it with `submit/kernel params`");
    }
}
