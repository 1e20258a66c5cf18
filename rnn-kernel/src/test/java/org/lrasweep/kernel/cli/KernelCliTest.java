package org.lrasweep.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrasweep.kernel.fixture.Fixtures;

class KernelCliTest {
    private static final String[] SMALL = {"--length", "10", "--hidden", "16", "--batch", "8", "--test-size", "100",
        "--check-every", "10", "--max-iterations", "20"};

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = KernelCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "train --task copy | task = copy: unknown (known: temporal-order,",
        "train --length 5 | length = 5",
        "train --length abc | length: expected an integer, got 'abc'",
        "train --length 20.5 | length: expected an integer, got 20.5 (not a whole number)",
        "train --algorithm sgd | algorithm = sgd",
        "train --seed -1 | seed = -1",
        "train --seed 4294967296 | seed = 4294967296",
        "train --algorithm lra --lra.k 0 | lra.k = 0",
        "train --algorithm lra --lra.beta 0 | lra.beta = 0.0",
        "train --algorithm lra --lra.c -1 | lra.c = -1.0",
        "train --algorithm lra --lra.alpha -0.5 | lra.alpha = -0.5",
        "train --algorithm lra --lra.variant paper | lra.variant = paper",
        "train --algorithm lra --lra.local-loss l1 | lra.local-loss = l1",
        "train --algorithm lra --lra.normalize norm | lra.normalize = norm",
        "train --algorithm bptt --lra.beta 1 | --lra.beta: applies to lra trials only (algorithm = bptt)",
        "train --algorithm lra --batch 200 --hidden 100 | batch = 200",
        "train --algorithm bptt --bptt.clip -2 | bptt.clip = -2.0",
        "train --algorithm bptt --bptt.learning-rate 0 | bptt.learning-rate = 0.0",
        "train --batch 0 | batch = 0",
        "train --bogus 1 | --bogus",
        "check-fixture | FILE",
        "bench --iterations 0 | --iterations",
        "frobnicate | frobnicate",
    })
    void badArgumentsGiveOneLineAndExit2(String args, String mention) {
        Run r = run(args.trim().split("\\s+"));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(mention.trim()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void checkFixturePrintsOneLinePerFileAndFailsOnAnyFailure(@TempDir Path tmp) throws Exception {
        Path good = Fixtures.named("bptt-step_small_c1_a0_eta0.1.json");
        Run pass = run("check-fixture", good.toString());
        assertEquals(0, pass.status());
        assertTrue(pass.out().startsWith("PASS " + good), pass.out());

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(good).replace("\"loss\": 1.633571678816633", "\"loss\": 1.7"));
        Run mixed = run("check-fixture", good.toString(), bad.toString());
        assertEquals(1, mixed.status());
        String[] lines = mixed.out().strip().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith("FAIL " + bad + " loss "), lines[1]);
    }

    @Test
    void trainPrintsProgressThenOneJsonResult() throws Exception {
        Run r = run(concat(new String[] {"train"}, concat(SMALL, "--algorithm", "lra", "--lra.variant", "local", "--lra.alpha", "0.1")));
        assertEquals(0, r.status(), r.err());
        assertEquals(2, r.err().lines().filter(l -> l.startsWith("iter ")).count(), r.err());
        String[] out = r.out().strip().split("\n");
        assertEquals(1, out.length);
        JsonNode json = new ObjectMapper().readTree(out[0]);
        assertEquals("max-iterations", json.path("status").asText());
        assertEquals("local", json.path("config").path("lra_variant").asText());
        assertEquals(0.1, json.path("config").path("lra_alpha").asDouble());
        assertEquals(10, json.path("config").path("length").asInt());
        assertTrue(json.path("config").path("bptt_alpha").isMissingNode(), "a BPTT setting in an LRA trial: " + json);
        assertEquals(2, json.path("curve").size());
        assertEquals(10, json.path("gradients").get(0).path("local_loss").size());
    }

    @Test
    void benchReportsTimesShapesAndThreads() throws Exception {
        Run r = run("bench", "--algorithm", "bptt", "--length", "10", "--hidden", "16", "--batch", "8",
                "--test-size", "100", "--iterations", "5", "--warmup", "1");
        assertEquals(0, r.status(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.path("ms_per_iteration").asDouble() > 0);
        assertTrue(json.path("eval_ms").asDouble() > 0);
        assertEquals(16, json.path("hidden").asInt());
        assertTrue(json.has("nd4j_max_threads"));
    }
}
