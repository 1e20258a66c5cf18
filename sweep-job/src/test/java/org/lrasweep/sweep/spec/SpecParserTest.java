package org.lrasweep.sweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrasweep.sweep.SweepMain;
import org.lrasweep.sweep.grid.GridExpander;

class SpecParserTest {
    static SweepSpec parse(String hocon, String... overrides) {
        return SpecParser.parse(ConfigFactory.parseString(hocon), List.of(overrides));
    }

    @Test
    void defaultsComeFromReferenceConf() {
        SweepSpec s = parse("output = \"" + System.getProperty("java.io.tmpdir") + "/lra-defaults\"");
        assertEquals("sweep", s.name());
        assertEquals(List.of(1L), s.seeds());
        assertEquals(List.of(100000), s.axis("max-iterations"));
        assertEquals(List.of(10.0), s.axis("lra.beta"));
        assertEquals(List.of("released"), s.axis("lra.variant"));
        assertEquals(List.of("bptt", "lra"), s.axis("algorithm"));
    }

    @Test
    void axesAcceptValuesListsAndRangesAndOverridesWin() {
        SweepSpec s = parse("output = \"" + System.getProperty("java.io.tmpdir") + "/lra-axes\"\nseeds = {from = 3, to = 6}\n"
                + "length = [10, 20, 10]\nlra { alpha = [0, 0.1] }", "lra.alpha=[1]", "name=override");
        assertEquals(List.of(3L, 4L, 5L, 6L), s.seeds());
        assertEquals(List.of(10, 20), s.axis("length"));
        assertEquals(List.of(1.0), s.axis("lra.alpha"));
        assertEquals("override", s.name());
    }

    /** Malformed specs: the first column is the spec (HOCON, '|' in the table replaced by ';'), the second what the error must name. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lenght = 20 | unknown key 'lenght'",
        "lra { gamma = 1 } | unknown key 'lra.gamma'",
        "lra = 5 | lra: expected an object",
        "length { a = 1 } | length: expected a single value or a list",
        "length = abc | length: expected an integer, got 'abc'",
        "length = [] | length: empty axis",
        "length = 5 | length = 5",
        "task = copy | task = copy: unknown (known: temporal-order,",
        "algorithm = [bptt, sgd] | algorithm = sgd: unknown (known: bptt, lra)",
        "lra.alpha = [0, -1] | lra.alpha = -1.0",
        "lra.k = 0 | lra.k = 0",
        "lra.beta = 0 | lra.beta = 0.0",
        "lra.c = -1 | lra.c = -1.0",
        "lra.variant = paper | lra.variant = paper",
        "lra.normalize = sometimes | lra.normalize = sometimes",
        "lra.local-loss = l1 | lra.local-loss = l1",
        "bptt.clip = -1 | bptt.clip = -1.0",
        "batch = 200 | batch = 200: lra.variant = released needs batch <= hidden",
        "seeds = [] | seeds: empty axis",
        "seeds = {from = 5, to = 1} | seeds: range from 5 to 1 is empty",
        "seeds = [-1] | seeds: seed = -1: must be in [0, 4294967295]",
        "seeds = [1, 1.5] | seeds: seed: expected an integer, got 1.5 (not a whole number)",
        "seeds = 2.5 | seeds: seed: expected an integer, got 2.5",
        "seeds = {from = 1, to = 3.5} | seeds: seed: expected an integer, got 3.5",
        "seeds = {from = 1} | seeds: a range needs both from and to",
        "seeds = {from = 1, to = 3, step = 2} | seeds: unknown key 'step'",
        "seeds = [true] | seeds: expected an integer",
        "length = 4294967296 | length: expected an integer, got 4294967296 (out of range)",
        "lra.k = [10, 2.5] | lra.k: expected an integer, got 2.5 (not a whole number)",
        "lra.variant = [released, 3] | lra.variant: expected a name or a list of names, got 3",
        "seeds = x | seeds: seed: expected an integer, got 'x'",
        "max-iterations = 0 | max-iterations = 0",
        "check-every = 0.5 | check-every: expected an integer, got 0.5 (not a whole number)",
        "hidden = [100, 2.5] | hidden: expected an integer, got 2.5",
        "task = 3 | task: expected a name",
        "spark.partitions = -1 | spark.partitions = -1",
        "output = \"\" | output: must not be empty",
        "adaptive { enabled = true } | adaptive.min-seeds = 4: more than the 1 seeds of the pool",
        "seeds = {from = 1, to = 8}, adaptive { enabled = true } | adaptive.confirm-seeds: give the fresh seeds",
        "seeds = {from = 1, to = 8}, adaptive { enabled = true, confirm-seeds = {from = 5, to = 10} } | adaptive.confirm-seeds: seed 5 is also in the selection pool",
        "adaptive.wave = 0 | adaptive.wave = 0: must be >= 1",
        "adaptive.min-seeds = 0 | adaptive.min-seeds = 0: must be >= 1",
        "adaptive.half-width = 0.7 | adaptive.half-width = 0.7: must be between 0 and 0.5",
        "adaptive.group-by = [task, colour] | adaptive.group-by: unknown key \"colour\"",
        "adaptive.confirm-seeds = {from = 3} | adaptive.confirm-seeds: a range needs both from and to",
        "adaptive.confirm-seeds = [1, x] | adaptive.confirm-seeds: seed: expected an integer, got 'x'",
        "adaptive.enabled = maybe | adaptive.enabled:",
        "adaptive = true | adaptive: expected an object of settings",
        "adaptive.stop-early = true | unknown key 'adaptive.stop-early'",
        "output = \"foo://x/y\" | output = foo://x/y: no Hadoop file system for the scheme 'foo'",
    })
    void malformedSpecsNameTheKey(String spec, String mention) {
        String hocon = spec.trim();
        if (!hocon.startsWith("output")) {
            hocon = "output = \"" + System.getProperty("java.io.tmpdir") + "/lra-bad\"\n" + hocon;
        }
        String text = hocon;
        SpecException e = assertThrows(SpecException.class, () -> GridExpander.expand(parse(text)));
        assertTrue(e.getMessage().contains(mention.trim()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void adaptiveSettingsAreOffByDefaultAndParsedWhenEnabled() {
        assertFalse(parse("seeds = [1, 2]").isAdaptive());
        SweepSpec spec = parse("seeds = {from = 1, to = 8}\nadaptive { enabled = true, wave = 2, min-seeds = 3, half-width = 0.2,"
                + " drop-dominated = false, group-by = [length, method, regularized, lra.beta], confirm-seeds = {from = 101, to = 103} }");
        org.lrasweep.sweep.adaptive.AdaptiveSettings a = spec.adaptive();
        assertEquals(new org.lrasweep.sweep.adaptive.AdaptiveSettings(2, 3, 0.2, false,
                List.of("length", "method", "regularized", "lra.beta"), List.of(101L, 102L, 103L)), a);
        assertEquals(8, spec.seeds().size(), "the pool is the sweep's seeds");
    }

    @Test
    void aBadOverrideIsRejected() {
        SpecException e = assertThrows(SpecException.class, () -> parse("", "lra.alpha"));
        assertTrue(e.getMessage().startsWith("override 'lra.alpha'"), e.getMessage());
    }

    @Test
    void anOutputUnderAFileIsNotWritable(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        SpecException e = assertThrows(SpecException.class, () -> parse("output = \"" + file + "/results\""));
        assertTrue(e.getMessage().startsWith("output = "), e.getMessage());
    }

    @Test
    void aRunRefusesAnUnwritableOrUnreachableOutputBeforeSparkStartsAndPlanOnlyWarns(@TempDir Path tmp) throws Exception {
        String[][] cases = {
            {"/proc/lra-sweep-results", "output = /proc/lra-sweep-results: not writable (cannot create files in /proc)"},
            {"ftp://127.0.0.1:1/results", "output = ftp://127.0.0.1:1/results: unreachable ("},
            {"hdfs://127.0.0.1:1/results", "output = hdfs://127.0.0.1:1/results: unreachable ("},
            {"foo://x/y", "output = foo://x/y: no Hadoop file system for the scheme 'foo'"}};
        for (String[] c : cases) {
            Path spec = Files.writeString(tmp.resolve("s.conf"), "output = \"" + c[0] + "\"\nseeds = [1]\nalgorithm = bptt\n");
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int status = SweepMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run", spec.toString());
            assertEquals(2, status, c[0] + ": " + err);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("error: " + c[1]), err.toString());
            assertTrue(org.apache.spark.sql.SparkSession.getActiveSession().isEmpty(), "refused before Spark starts");
            StringWriter planErr = new StringWriter();
            int plan = SweepMain.run(new PrintWriter(new StringWriter()), new PrintWriter(planErr, true), "plan", spec.toString());
            if (c[0].startsWith("foo:")) {
                assertEquals(2, plan, "an unknown scheme is a bad spec for every command");
            } else {
                assertEquals(0, plan, c[0] + ": plan writes nothing: " + planErr);
            }
            if (c[0].startsWith("/proc")) {
                assertTrue(planErr.toString().contains("warning: " + c[1] + ": a run would be refused"), planErr.toString());
            }
        }
    }

    @Test
    void theCommandLineExits2WithOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path spec = Files.writeString(tmp.resolve("bad.conf"), "output = \"" + out + "\"\nlra.k = 0\n");
        Path syntax = Files.writeString(tmp.resolve("syntax.conf"), "output = \"" + out + "\"\nlength = [10,\n");
        for (String[] args : new String[][] {
                {"run", spec.toString()}, {"plan", spec.toString()}, {"run", syntax.toString()},
                {"run", tmp.resolve("missing.conf").toString()}, {"run"}, {"plan", spec.toString(), "lra.k"}}) {
            StringWriter err = new StringWriter();
            int status = SweepMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
            assertEquals(2, status, String.join(" ", args) + ": " + err);
            assertTrue(err.toString().startsWith("error: "), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
        }
        assertFalse(Files.exists(out), "nothing may be written for a bad spec");
    }

    @Test
    void thePatienceTrapAndARelativeOutputOnAClusterAreWarnedAboutNotRejected() {
        SweepSpec trap = parse("output = results/trap\nalgorithm = bptt\nmax-iterations = 2000\npatience = 30\ncheck-every = 100");
        List<String> w = SpecWarnings.of(trap, GridExpander.expand(trap), "local[2]");
        assertEquals(List.of("patience x check-every = 30 x 100 = 3000 >= max-iterations = 2000: no trial can end plateaued, every "
                + "unsolved one runs its whole budget (lower patience or check-every, or raise max-iterations)"), w);
        List<String> onYarn = SpecWarnings.of(trap, GridExpander.expand(trap), "yarn");
        assertEquals(2, onYarn.size());
        assertTrue(onYarn.get(1).startsWith("output = results/trap is a relative path and the master is yarn"), onYarn.get(1));
        SweepSpec fine = parse("output = \"hdfs:///sweeps/x\"\nalgorithm = bptt\nmax-iterations = 3001\npatience = 30\ncheck-every = 100");
        assertEquals(List.of(), SpecWarnings.of(fine, GridExpander.expand(fine), "spark://m:7077"));
    }

    @Test
    void anAdaptivePoolTooSmallForAnyRuleToStopAConfigurationIsWarnedAbout() {
        String adaptive = "output = results/a\nalgorithm = bptt\nadaptive { enabled = true, confirm-seeds = {from = 101, to = 120}";
        // Dominance needs 4 seeds (0/4's upper bound 0.49 < 4/4's lower 0.51), precision at 0.15 needs 9.
        assertEquals(4, org.lrasweep.sweep.adaptive.SelectionRules.earliestStop(0.15, true));
        assertEquals(9, org.lrasweep.sweep.adaptive.SelectionRules.earliestStop(0.15, false));
        SweepSpec wavesOfTwo = parse("seeds = {from = 1, to = 4}\n" + adaptive + ", wave = 2, min-seeds = 2 }");
        List<String> w = SpecWarnings.of(wavesOfTwo, GridExpander.expand(wavesOfTwo), "local[2]");
        assertEquals(List.of("adaptive: no configuration can stop before the pool's end (4 seeds in waves of 2; a rule can first stop "
                + "one at 4 seeds, and min-seeds = 2), so every configuration runs the whole pool (a pool of more than 4 seeds lets "
                + "the rules save seeds)"), w);
        SweepSpec eight = parse("seeds = {from = 1, to = 8}\n" + adaptive + ", wave = 4, min-seeds = 4 }");
        assertEquals(List.of(), SpecWarnings.of(eight, GridExpander.expand(eight), "local[2]"));
        assertEquals(4, eight.adaptive().firstSaving(8).orElseThrow());
        SweepSpec undominated = parse("seeds = {from = 1, to = 8}\n" + adaptive + ", wave = 4, min-seeds = 4, drop-dominated = false }");
        assertEquals(1, SpecWarnings.of(undominated, GridExpander.expand(undominated), "local[2]").size(), "precision needs 9 seeds");
    }

    @Test
    void planPrintsTheWarningsOnStderrAndStillSucceeds(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("trap.conf"), "output = \"" + tmp.resolve("out") + "\"\nmax-iterations = 2000\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, SweepMain.run(new PrintWriter(out, true), new PrintWriter(err, true), "plan", spec.toString()));
        assertTrue(err.toString().startsWith("warning: patience x check-every = 30 x 100 = 3000 >= max-iterations = 2000"), err.toString());
        assertTrue(out.toString().contains("total:"), out.toString());
    }

    @Test
    void aSpecIsReadFromAHadoopUriTooAndAMissingOneIsOneLine(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("uri.conf"), "name = from-uri\noutput = \"" + tmp.resolve("out") + "\"\nlength = [10, 20]\n");
        StringWriter out = new StringWriter();
        assertEquals(0, SweepMain.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "plan",
                file.toUri().toString(), "seeds=[1,2]"));
        assertTrue(out.toString().startsWith("sweep 'from-uri'") && out.toString().contains("(2 seeds)"), out.toString());
        StringWriter err = new StringWriter();
        assertEquals(2, SweepMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "plan",
                tmp.resolve("none.conf").toUri().toString()));
        assertTrue(err.toString().startsWith("error: spec file:") && err.toString().contains("not found"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }
}
