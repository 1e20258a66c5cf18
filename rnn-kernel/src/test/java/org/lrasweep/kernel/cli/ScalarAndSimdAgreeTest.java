package org.lrasweep.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole trial gives the same result, to the last bit of every number it reports, in a JVM
 * without the SIMD kernels ({@code -Dlrasweep.scalar=true}) and in one with them: an executor's
 * JVM flags cannot change a result. H = 13 leaves a scalar tail in every row.
 */
class ScalarAndSimdAgreeTest {
    @ParameterizedTest
    @ValueSource(strings = {"--algorithm bptt --bptt.alpha 0.5", "--algorithm lra --lra.variant released --lra.alpha 0.1",
            "--algorithm lra --lra.variant local --lra.alpha 0.1 --lra.local-loss mse"})
    void aTrialIsTheSameWithAndWithoutSimd(String algorithm) throws Exception {
        String args = "train --task temporal-order --length 10 --hidden 13 --batch 8 --test-size 200 "
                + "--max-iterations 150 --check-every 50 --seed 5 " + algorithm;
        ObjectNode scalar = trial(true, args);
        ObjectNode simd = trial(false, args);
        assertTrue(scalar.get("iterations").asInt() >= 50, "the trial trained");
        assertEquals(scalar.toString(), simd.toString());
    }

    private static ObjectNode trial(boolean scalar, String args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-Xmx512m"));
        if (scalar) {
            command.add("-Dlrasweep.scalar=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelCli.class.getName()));
        command.addAll(List.of(args.split(" ")));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "trial JVM finished");
        assertEquals(0, p.exitValue(), out);
        ObjectNode result = (ObjectNode) ResultJson.MAPPER.readTree(out);
        result.remove("wall_seconds");
        return result;
    }
}
